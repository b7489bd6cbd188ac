<#-- PLAN.md draft for the plan phase: the steps, checked against the acceptance criteria. -->
# Plan: ${task.title}

**Task Code**: `${task.task_code}`

## Steps
1. 

## Acceptance criteria and how each is met
<#list acceptance_criteria as criterion>
- ${criterion}: 
<#else>
- (no acceptance criteria recorded on the task yet)
</#list>

## Risks
- 
