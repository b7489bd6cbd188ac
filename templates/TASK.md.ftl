<#-- TASK.md: a task's fields and description, where its latest session stands (Session,
     written by the session process's file steps), its completion summary and the summaries
     of the sessions that worked on it.
     A description line starting with # is escaped (\#) so it cannot pose as a section.
     The Session section, completion notes and session notes come from Phaseflow (an
     override reason on one line, notes escaped: agents wrote them) and stay last: an import
     reads the file only up to them. -->
# Task: ${task.title}

**Task Code**: `${task.task_code}`
<#if task.sprint_code??>
**Sprint**: `${task.sprint_code}`
</#if>
**Status**: ${task.status}
**Priority**: ${task.priority}
<#if task.completed_at??>
**Completed**: ${task.completed_at}
</#if>
<#if task.description??>

## Description
${task.description?replace("(?m)^#", "\\\\#", "r")}
</#if>
<#list sections as section>

## ${section.heading}
<#list section.items as item>
- ${item?replace("[\\r\\n]+", " ", "r")}
</#list>
</#list>
<#if session??>

## Session
**Session**: `${session.session_key}` (${session.status})
**Phase**: ${session.phase}<#if session.iteration gt 1>, iteration ${session.iteration}</#if>
<#if session.completed?has_content>
**Done**: ${session.completed?join(", ")}
</#if>
<#if session.qa_status??>
**QA**: ${session.qa_status}
</#if>
<#if session.agent??>
**Agent**: ${session.agent}
</#if>
<#if session.override_reason??>
**Waiting for a reviewer**: ${session.override_reason}
</#if>
</#if>
<#if completion_notes??>

## Completion Notes
${completion_notes}
</#if>
<#if sessions?has_content>

## Work Sessions
<#list sessions as session>
- `${session.session_key!"?"}` ${session.status!"ended"}<#if session.ended_at??> ${session.ended_at}</#if><#if session.active_minutes??>, ${session.active_minutes} min active</#if><#if session.summary??>: ${session.summary?replace("[\\r\\n]+", " ", "r")}</#if>
<#list session.updates as update>
  - Update: ${update?replace("[\\r\\n]+", " ", "r")}
</#list>
<#list session.notes as note>
  - Note: ${note?replace("[\\r\\n]+", " ", "r")}
</#list>
</#list>
</#if>
