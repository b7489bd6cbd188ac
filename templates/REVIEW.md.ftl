<#-- REVIEW.md draft for the review phase: test results and the QA outcome. -->
# Review: ${task.title}

**Task Code**: `${task.task_code}`
**Iteration**: ${iteration}

## Test results
- 

## Acceptance criteria
<#list acceptance_criteria as criterion>
- [ ] ${criterion}
</#list>

## QA outcome
qa_passed | qa_failed (and why)
