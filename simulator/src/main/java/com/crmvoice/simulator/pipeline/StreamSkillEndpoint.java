package com.crmvoice.simulator.pipeline;

import com.crmvoice.simulator.dialog.SkillEndpoint;
import com.crmvoice.simulator.dialog.SkillEndpoint.SkillRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Supplier;

/** The intent function as Alexa invokes it: the envelope's JSON through the stream handler. */
public final class StreamSkillEndpoint implements SkillEndpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One invocation of the intent function: the request envelope's bytes in, the output out. */
  @FunctionalInterface
  public interface Invoker {
    byte[] invokeStream(byte[] input);
  }

  private final Invoker function;

  /** {@code function} is asked on every call, so a rebuilt function (another user) takes over. */
  public StreamSkillEndpoint(Supplier<LambdaFunction> function) {
    this.function = input -> function.get().invokeStream(input);
  }

  /**
   * Over an invoker that may run several invocations at once on instances of their own ({@link
   * LocalPipeline#invokeIntent}).
   */
  public StreamSkillEndpoint(Invoker function) {
    this.function = function;
  }

  /**
   * The type the intent function fails with when it refuses a request. Lambda reports it to the
   * caller as the error's type; the simulator loads the function by name, so it is matched by name.
   */
  static final String REFUSED_TYPE = "com.crmvoice.intent.RequestRefusedException";

  private static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
        if (type.getName().equals(REFUSED_TYPE)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public JsonNode invoke(ObjectNode requestEnvelope) {
    byte[] output;
    try {
      output = function.invokeStream(JSON.writeValueAsBytes(requestEnvelope));
    } catch (IOException e) {
      throw new SkillFailedException("the envelope could not be written", e);
    } catch (RuntimeException e) {
      if (refused(e)) {
        throw new SkillRefusedException(e.getMessage(), e);
      }
      throw new SkillFailedException(e.getMessage(), e);
    }
    try {
      JsonNode response = JSON.readTree(output);
      if (response == null || !response.isObject()) {
        throw new SkillFailedException("the skill answered no response envelope", null);
      }
      return response;
    } catch (IOException e) {
      throw new SkillFailedException("the skill's answer is not JSON", e);
    }
  }
}
