<#-- CHANGES.md draft for the execute phase: what changed and how it was tested. -->
# Changes: ${task.title}

**Task Code**: `${task.task_code}`
**Iteration**: ${iteration}

## What changed
- 

## How it was tested
- 
