package io.phaseflow.flowable;

import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.engine.impl.bpmn.parser.BpmnParse;
import org.flowable.engine.impl.bpmn.parser.handler.AbstractBpmnParseHandler;

/**
 * Makes every call activity call the process of its own deployment (as
 * {@code flowable:sameDeployment="true"} would), falling back to the latest version when
 * the deployment has no such process. Each Phaseflow deployment carries all its
 * processes, so a session keeps the {@code sessionPhase} of the version it started on
 * even after a newer one is deployed.
 */
class SameDeploymentCalls extends AbstractBpmnParseHandler<CallActivity> {

	@Override
	protected Class<? extends BaseElement> getHandledType() {
		return CallActivity.class;
	}

	@Override
	protected void executeParse(BpmnParse bpmnParse, CallActivity activity) {
		activity.setSameDeployment(true);
	}

}
