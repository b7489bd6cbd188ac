<#-- CONTEXT.md draft for the research phase. -->
# Context: ${task.title}

**Task Code**: `${task.task_code}`

## Relevant code
- (files and modules the task touches, and why)

## Related work
- (tasks, decisions, documentation)

## Constraints
- 

## Open questions
- 
