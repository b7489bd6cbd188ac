package io.phaseflow.flowable;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.flowable.common.engine.impl.el.DefaultExpressionManager;
import org.flowable.common.engine.impl.javax.el.ELContext;
import org.flowable.common.engine.impl.javax.el.ELException;
import org.flowable.common.engine.impl.javax.el.ELResolver;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * What the engine's expressions can reach, whatever a deployed process says: process
 * variables and Phaseflow's delegates by name, entries of maps, lists and JSON values,
 * and nothing else. No method can be called and no property of an object read (Flowable's
 * {@code BeanELResolver} would call any public method, {@code ''.getClass().forName(…)}
 * included), so a process that slipped past the deployment check still runs no code of
 * its own choosing.
 */
final class RestrictedExpressions extends ELResolver {

	private RestrictedExpressions() {
	}

	static void apply(ProcessEngineConfigurationImpl engine, ListableBeanFactory beans) {
		engine.setBeans(new PhaseflowDelegates(beans));
		engine.addExpressionManagerConfigurer((manager) -> {
			DefaultExpressionManager expressions = (DefaultExpressionManager) manager;
			// in place of the BeanELResolver, last in line: an object's
			// properties stay unresolved
			expressions.setBeanResolver(new RestrictedExpressions());
			// right after the variables, before any resolver that could invoke a method
			expressions.addPreDefaultResolver(new RestrictedExpressions());
		});
	}

	@Override
	public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
		throw new ELException("Expressions may not call methods (" + method + ")");
	}

	@Override
	public Class<?> getCommonPropertyType(ELContext context, Object base) {
		return null;
	}

	@Override
	public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
		return null;
	}

	@Override
	public Class<?> getType(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public Object getValue(ELContext context, Object base, Object property) {
		return null;
	}

	@Override
	public boolean isReadOnly(ELContext context, Object base, Object property) {
		return true;
	}

	@Override
	public void setValue(ELContext context, Object base, Object property, Object value) {
		// resolves nothing: another resolver, or none, sets the value
	}

}
