package io.github.usersession.it;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Logs usersession at TRACE into the server log while a test class runs, so that the log check
 * reads every line the library can write.
 */
public class DebugLogging implements ServerSetupTask {

    static final ModelNode LOGGER = Operations.createAddress("subsystem", "logging", "logger", "io.github.usersession");

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
        ModelNode add = Operations.createAddOperation(LOGGER);
        add.get("level").set("TRACE");
        ModelNode result = client.getControllerClient().execute(add);
        if (!Operations.isSuccessfulOutcome(result)
                && !Operations.getFailureDescription(result).asString().contains("WFLYCTL0212")) {
            throw new IllegalStateException("Adding the TRACE logger failed: " + Operations.getFailureDescription(result));
        }
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) throws Exception {
        client.getControllerClient().execute(Operations.createRemoveOperation(LOGGER));
    }
}
