package com.crmvoice.simulator.pipeline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;

/**
 * One function as Lambda runs it: the handler class named as in template.yaml, loaded by name and
 * built once through its public constructor taking the environment map (the simulator's stand-in
 * for the container's environment), then invoked one event at a time with a fresh {@link
 * LocalContext}. A Lambda container runs one invocation at a time, so invocations are serialised.
 */
public final class LambdaFunction {

  private final String name;
  private final Object handler;
  private final Duration timeout;

  private LambdaFunction(String name, Object handler, Duration timeout) {
    this.name = name;
    this.handler = handler;
    this.timeout = timeout;
  }

  /**
   * Loads and initialises {@code handlerClass} with {@code env}, as a cold start does.
   *
   * @throws FunctionUnavailableException when the class is not on the class path or its
   *     initialisation fails (the message says which and why)
   */
  public static LambdaFunction load(
      String name, String handlerClass, Map<String, String> env, Duration timeout) {
    Class<?> type;
    try {
      type = Class.forName(handlerClass);
    } catch (ClassNotFoundException e) {
      throw new FunctionUnavailableException(
          name + ": handler class " + handlerClass + " is not on the class path", e);
    }
    try {
      Object handler = type.getConstructor(Map.class).newInstance(Map.copyOf(env));
      return new LambdaFunction(name, handler, timeout);
    } catch (NoSuchMethodException e) {
      throw new FunctionUnavailableException(
          name + ": " + handlerClass + " has no public constructor taking the environment map", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new FunctionUnavailableException(
          name
              + ": cold start failed: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException e) {
      throw new FunctionUnavailableException(name + ": cannot build " + handlerClass, e);
    }
  }

  public String name() {
    return name;
  }

  /** Invokes a stream handler with raw JSON, as the Lambda runtime does; answers its output. */
  public synchronized byte[] invokeStream(byte[] input) {
    if (!(handler instanceof RequestStreamHandler stream)) {
      throw new IllegalStateException(name + " is not a RequestStreamHandler");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      stream.handleRequest(
          new ByteArrayInputStream(input), output, new LocalContext(name, timeout));
    } catch (IOException e) {
      throw new FunctionFailedException(name + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new FunctionFailedException(
          name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return output.toByteArray();
  }

  /** Invokes a typed handler with an event object, as the runtime does after deserialising. */
  @SuppressWarnings("unchecked")
  public synchronized <I, O> O invoke(I event) {
    if (!(handler instanceof RequestHandler<?, ?> typed)) {
      throw new IllegalStateException(name + " is not a RequestHandler");
    }
    return ((RequestHandler<I, O>) typed).handleRequest(event, new LocalContext(name, timeout));
  }

  /** The handler could not be loaded or did not initialise. */
  public static final class FunctionUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FunctionUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An invocation failed (the handler threw). */
  public static final class FunctionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FunctionFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
