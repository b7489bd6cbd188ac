<#-- The phase banner an agent is shown: the phase just completed (or, after a failed
     review, that the work went back), the phase now current with its goal and required
     artifacts, and what to do next. -->
<#if sent_back??>
✗ ${completed?cap_first} failed QA: back to ${phase.id?cap_first}, iteration ${iteration}

<#elseif completed??>
✓ Phase ${completed?cap_first} completed successfully

</#if>
═══════════════════════════════════════════════════════════════
 PHASE: ${phase.id?cap_first}
═══════════════════════════════════════════════════════════════

Goal: ${phase.goal}

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
