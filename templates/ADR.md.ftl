<#-- An architecture decision record (Michael Nygard's layout). -->
# ADR-${number}: ${title}

**Status**: ${status}
**Date**: ${date}
<#if author??>
**Author**: ${author}
</#if>

## Context
${context!"(What is the issue that motivates this decision?)"}

## Decision
${decision!"(What is the change that we are making?)"}

## Consequences
${consequences!"(What becomes easier or harder because of this change?)"}
