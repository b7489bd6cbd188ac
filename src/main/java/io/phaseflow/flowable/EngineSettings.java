package io.phaseflow.flowable;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.phaseflow.home.PhaseflowHome;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.validator.ValidatorSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Phaseflow's settings of the process engine:
 * <ul>
 * <li>deployed processes are validated by Flowable's rules plus Phaseflow's (no script
 * tasks);</li>
 * <li>the BPMN files of {@code processes/} are deployed at start, the working copy's
 * where present, else the ones packaged in the jar (unchanged files are not
 * redeployed);</li>
 * <li>the schema-update lock that several instances on one PostgreSQL need is only taken
 * once the engine's tables exist: Flowable keeps that lock in {@code ACT_GE_PROPERTY}, so
 * on an empty database it would wait for a table nobody creates.</li>
 * </ul>
 */
@Component
class EngineSettings implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

	private static final Logger log = LoggerFactory.getLogger(EngineSettings.class);

	private final PhaseflowHome home;

	EngineSettings(PhaseflowHome home) {
		this.home = home;
	}

	@Override
	public void configure(SpringProcessEngineConfiguration engine) {
		engine.setDeploymentResources(this.home.files("processes", ".bpmn20.xml").toArray(Resource[]::new));
		ProcessValidator validator = new ProcessValidatorFactory().createDefaultProcessValidator();
		ValidatorSet phaseflow = new ValidatorSet("phaseflow");
		phaseflow.addValidator(new NoScriptTasks());
		validator.getValidatorSets().add(phaseflow);
		engine.setProcessValidator(validator);
		if (engine.isUseLockForDatabaseSchemaUpdate() && !propertyTableExists(engine)) {
			log.info("Empty database: creating the process engine's tables without the schema-update lock");
			engine.setUseLockForDatabaseSchemaUpdate(false);
		}
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
