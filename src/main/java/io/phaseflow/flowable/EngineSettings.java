package io.phaseflow.flowable;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.datatype.DatatypeFactory;

import io.phaseflow.common.RequestContext;
import io.phaseflow.flowable.forms.FormFileHandlers;
import io.phaseflow.flowable.forms.TaskForms;
import io.phaseflow.session.phase.PhaseSteps;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.parse.BpmnParseHandler;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.spring.security.SpringSecurityAuthenticationContext;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.validator.ValidatorSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Phaseflow's settings of the process engine:
 * <ul>
 * <li>deployed processes are validated by Flowable's rules plus Phaseflow's (no script
 * tasks), and parsed without DTDs or external entities;</li>
 * <li>Flowable deploys nothing by itself: Phaseflow deploys the working copy's processes
 * together with their {@code workflow.yaml} (see
 * {@link io.phaseflow.workflow.deployment.WorkflowDeployer});</li>
 * <li>call activities call the process of their own deployment, so a running session
 * stays on the version it started on ({@link SameDeploymentCalls});</li>
 * <li>the schema-update lock that several instances on one PostgreSQL need is only taken
 * once the engine's tables exist: Flowable keeps that lock in {@code ACT_GE_PROPERTY}, so
 * on an empty database it would wait for a table nobody creates;</li>
 * <li>the engine's authenticated user is Spring Security's caller (the token's name), so
 * {@code startUserId} and task completions name who acted, and a candidate user's groups
 * are the caller's role groups ({@code reviewers}, …): Phaseflow has no user store of
 * Flowable's;</li>
 * <li>expressions reach only process variables and Phaseflow's delegates, and call no
 * method ({@link RestrictedExpressions});</li>
 * <li>user tasks whose {@code formKey} names a file of {@code forms/} get that form;</li>
 * <li>an "Approve override" task says which request it stands for and records its
 * decision alike on every path ({@link OverrideTasks});</li>
 * <li>the JDK's {@code DatatypeFactory} is named (JAXP's system property, unless set
 * already): Flowable asks for a new factory for every timer it schedules (a phase's stale
 * timer), and without the property each request searches the whole class path for a
 * provider, 3.4 % of the server's CPU in a session's transitions
 * (docs/BENCHMARKS.md);</li>
 * <li>with {@code flowable.database-schema} set, a command leaves the connection's schema
 * as it is when the connection opens on that schema ({@link SchemaKeepingSessions}).</li>
 * </ul>
 */
@Component
public class EngineSettings implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

	private static final Logger log = LoggerFactory.getLogger(EngineSettings.class);

	private final TaskForms forms;

	private final ListableBeanFactory beans;

	private final OverrideTasks overrideTasks;

	EngineSettings(TaskForms forms, ListableBeanFactory beans, ObjectProvider<PhaseSteps> steps) {
		this.forms = forms;
		this.beans = beans;
		this.overrideTasks = new OverrideTasks(steps);
		Authentication.setAuthenticationContext(new SpringSecurityAuthenticationContext());
	}

	@Override
	public void configure(SpringProcessEngineConfiguration engine) {
		processing(engine);
		engine.setDeploymentResources(new Resource[0]);
		engine.setProcessValidator(processValidator());
		RestrictedExpressions.apply(engine, this.beans);
		engine.setFormHandlerHelper(new FormFileHandlers(this.forms));
		engine.setCreateUserTaskInterceptor(this.overrideTasks);
		Map<String, List<FlowableEventListener>> listeners = new HashMap<>();
		if (engine.getTypedEventListeners() != null) {
			engine.getTypedEventListeners().forEach((type, list) -> listeners.put(type, new ArrayList<>(list)));
		}
		listeners.computeIfAbsent(FlowableEngineEventType.TASK_COMPLETED.name(), (type) -> new ArrayList<>())
			.add(this.overrideTasks);
		engine.setTypedEventListeners(listeners);
		engine.setCandidateManager((user) -> user.equals(RequestContext.actor())
				? RequestContext.groups().stream().sorted().toList() : List.of());
		if (engine.isUseLockForDatabaseSchemaUpdate() && !propertyTableExists(engine)) {
			log.info("Empty database: creating the process engine's tables without the schema-update lock");
			engine.setUseLockForDatabaseSchemaUpdate(false);
		}
	}

	/**
	 * How the engine parses and runs the processes, as the server has it: BPMN read
	 * without external entities, a call activity resolved within its deployment, one
	 * prepared INSERT per entity instead of a multi-row INSERT that MyBatis builds on
	 * every flush (building it cost more than it saved, docs/BENCHMARKS.md), the JDK's
	 * {@code DatatypeFactory} named, and the engine's schema set on a connection only
	 * when it does not open on it ({@link SchemaKeepingSessions}).
	 */
	static void processing(ProcessEngineConfigurationImpl engine) {
		nameDatatypeFactory();
		engine.setEnableSafeBpmnXml(true);
		engine.setPreBpmnParseHandlers(List.<BpmnParseHandler>of(new SameDeploymentCalls()));
		engine.setBulkInsertEnabled(false);
		engine.setDbSqlSessionFactory(new SchemaKeepingSessions(engine.isUsePrefixId()));
	}

	/**
	 * Names the JDK's own {@link DatatypeFactory} as JAXP's factory, unless the JVM was
	 * told another, so that finding it is a class lookup rather than a search of the
	 * class path.
	 */
	private static void nameDatatypeFactory() {
		if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
					DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}

	/** Flowable's validation rules plus Phaseflow's. */
	public static ProcessValidator processValidator() {
		ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
		ValidatorSet phaseflow = new ValidatorSet("phaseflow");
		phaseflow.addValidator(new NoScriptTasks());
		validator.getValidatorSets().add(phaseflow);
		return validator;
	}

	private static boolean propertyTableExists(SpringProcessEngineConfiguration engine) {
		try (Connection connection = engine.getDataSource().getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			String schema = (engine.getDatabaseSchema() != null) ? engine.getDatabaseSchema() : connection.getSchema();
			for (String name : new String[] { "act_ge_property", "ACT_GE_PROPERTY" }) {
				try (ResultSet tables = metadata.getTables(null, schema, name, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not inspect the database for the process engine's tables", ex);
		}
	}

}
