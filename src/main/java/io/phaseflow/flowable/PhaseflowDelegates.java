package io.phaseflow.flowable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.flowable.common.engine.impl.cfg.SpringBeanFactoryProxyMap;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.delegate.TaskListener;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The beans the engine's expressions may name: Phaseflow's own delegates and listeners,
 * and no other bean of the application (Flowable's default would hand an expression any
 * bean, the data source included).
 */
public final class PhaseflowDelegates extends SpringBeanFactoryProxyMap {

	private static final String OWN_PACKAGE = "io.phaseflow.";

	private final ListableBeanFactory beans;

	/**
	 * Whether a name is one of Phaseflow's delegates, asked once per name: every service
	 * task asks, and the beans do not change while the application runs.
	 */
	private final Map<String, Boolean> delegates = new ConcurrentHashMap<>();

	PhaseflowDelegates(ListableBeanFactory beans) {
		super(beans);
		this.beans = beans;
	}

	@Override
	public boolean containsKey(Object key) {
		return key instanceof String name && this.delegates.computeIfAbsent(name, this::isDelegate);
	}

	private boolean isDelegate(String name) {
		return this.beans.containsBean(name)
				&& Stream.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)
					.anyMatch((type) -> this.beans.isTypeMatch(name, type))
				&& isOwn(this.beans.getBean(name));
	}

	@Override
	public Object get(Object key) {
		return containsKey(key) ? this.beans.getBean((String) key) : null;
	}

	/** Whether a bean is Phaseflow's own, not a framework's or a library's. */
	public static boolean isOwn(Object bean) {
		return bean.getClass().getName().startsWith(OWN_PACKAGE);
	}

}
