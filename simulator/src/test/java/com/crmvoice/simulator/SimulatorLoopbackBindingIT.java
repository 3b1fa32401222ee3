package com.crmvoice.simulator;

import com.crmvoice.simulator.dialog.DirectivesEndpoint;
import com.crmvoice.simulator.signature.SkillHttpServer;
import com.crmvoice.testkit.net.ListeningSockets;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The simulator's own endpoints listen on loopback only, like the engines it embeds (testkit's
 * LoopbackBindingIT covers DynamoDB Local, ElasticMQ, the fake Salesforce and the fake Alexa API).
 */
class SimulatorLoopbackBindingIT {

  @Test
  void theSkillAndDirectivesEndpointsListenOnLoopbackOnly() {
    ObjectMapper json = new ObjectMapper();
    try (SkillHttpServer skill =
            SkillHttpServer.start(0, envelope -> json.createObjectNode(), null);
        DirectivesEndpoint directives = DirectivesEndpoint.start(output -> {})) {
      ListeningSockets.assertLoopbackOnly("skill endpoint", skill.url().getPort());
      ListeningSockets.assertLoopbackOnly(
          "directives endpoint", java.net.URI.create(directives.apiEndpoint()).getPort());
    }
  }
}
