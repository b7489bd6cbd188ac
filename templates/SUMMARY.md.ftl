<#-- SUMMARY.md draft for the close phase: the hand-off. -->
# Summary: ${task.title}

**Task Code**: `${task.task_code}`
**Iterations**: ${iteration}

## Delivered
<#list deliverables as deliverable>
- ${deliverable}
<#else>
- 
</#list>

## Follow-ups
- 

## Notes for the next person
- 
