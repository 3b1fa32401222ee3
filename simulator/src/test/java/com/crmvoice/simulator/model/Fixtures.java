package com.crmvoice.simulator.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test interaction model under src/test/resources/skill-package. */
public final class Fixtures {

  private Fixtures() {}

  public static String modelJson() {
    try (InputStream in =
        Fixtures.class.getResourceAsStream("/skill-package/interactionModels/custom/en-US.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static InteractionModel model() {
    return InteractionModel.parse(modelJson());
  }
}
