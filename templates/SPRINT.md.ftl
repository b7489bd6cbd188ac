<#-- SPRINT.md: a sprint's goal, dates, tasks and progress. -->
# Sprint: ${sprint.title}

**Sprint Code**: `${sprint.sprint_code}`
**Status**: ${sprint.status}
<#if sprint.owner??>
**Owner**: ${sprint.owner}
</#if>
<#if goal??>
**Goal**: ${goal}
</#if>
<#if start_date??>
**Start Date**: ${start_date}
</#if>
<#if end_date??>
**End Date**: ${end_date}
</#if>
**Progress**: ${summary.completed} of ${summary.total_tasks} tasks completed (${summary.progress_percentage}%)

## Tasks

<#if tasks?has_content>
| Task | Title | Status | Priority |
|---|---|---|---|
<#list tasks as task>
| `${task.task_code}` | ${task.title?replace("|", "\\|")} | ${task.status} | ${task.priority} |
</#list>
<#else>
No tasks yet.
</#if>
