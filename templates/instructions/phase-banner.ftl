<#-- The phase banner an agent is shown: the phase just completed (a review passed, or
     failed and sent the work back), the phase now current with its goal and required
     artifacts, at the first phase the task fields a later phase requires that only a PM
     can fill, and what to do next. -->
<#if sent_back??>
✗ ${completed?cap_first} failed QA: back to ${phase.id?cap_first}, iteration ${iteration}

<#elseif qa_passed??>
✓ ${completed?cap_first} passed QA: on to ${phase.id?cap_first}

<#elseif completed??>
✓ Phase ${completed?cap_first} completed successfully

</#if>
═══════════════════════════════════════════════════════════════
 PHASE: ${phase.id?cap_first}
═══════════════════════════════════════════════════════════════

Goal: ${phase.goal}

<#if for_pm?? && for_pm?has_content>
Needs a PM (an agent cannot change the task):
<#list for_pm as field>
  ⚠ ${field}
</#list>

</#if>
<#if phase.required_artifacts?has_content>
Required Artifacts:
<#list phase.required_artifacts as artifact>
  • ${artifact}
</#list>

</#if>
───────────────────────────────────────────────────────────────
Next Steps:
───────────────────────────────────────────────────────────────

<#if next_step_text??>
${next_step_text}
<#else>
<#list next_actions as action>
${action?counter}. ${action}
</#list>

When ready: phaseflow phase complete
</#if>
