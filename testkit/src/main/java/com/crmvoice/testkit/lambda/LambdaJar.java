package com.crmvoice.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's shaded jar as the shade plugin built it ({@code target/*-lambda.jar}, what SAM
 * deploys), for the integration tests that pin what each function carries: its entries, its classes
 * by package, and a class loader that sees the jar and the JDK only.
 */
public final class LambdaJar {

  private final Path path;
  private final List<String> entries;

  private LambdaJar(Path path, List<String> entries) {
    this.path = path;
    this.entries = entries;
  }

  /** The one {@code *-lambda.jar} in the module's {@code target} (the working directory's). */
  public static LambdaJar inTarget() {
    return inDirectory(Path.of("target"));
  }

  public static LambdaJar inDirectory(Path directory) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(directory, "*-lambda.jar")) {
      jars.forEach(found::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found.size() != 1) {
      throw new IllegalStateException(
          "expected one *-lambda.jar in " + directory.toAbsolutePath() + ", found " + found);
    }
    return of(found.get(0));
  }

  public static LambdaJar of(Path jar) {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LambdaJar(jar, Collections.unmodifiableList(names));
  }

  public Path path() {
    return path;
  }

  /** The jar's size in bytes. */
  public long size() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every entry name, as the jar lists it. */
  public List<String> entries() {
    return entries;
  }

  /** The class entries under a path prefix such as {@code "io/github/resilience4j/"}. */
  public List<String> classesUnder(String prefix) {
    return entries.stream()
        .filter(name -> name.startsWith(prefix) && name.endsWith(".class"))
        .toList();
  }

  /**
   * How many classes the jar holds per package prefix of {@code depth} names ({@code
   * software.amazon.awssdk} at depth 3), by name.
   */
  public Map<String, Integer> classesByPackage(int depth) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String name : entries) {
      if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
        continue;
      }
      String[] parts = name.split("/");
      int names = Math.min(depth, parts.length - 1);
      String group = names == 0 ? "(default)" : String.join(".", List.of(parts).subList(0, names));
      counts.merge(group, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * One line for a test's output, the figures of the README's jar table: the jar's name and size,
   * then its classes by package of depth 3, most first.
   */
  public String summary() {
    StringBuilder line =
        new StringBuilder(path.getFileName() + ": " + String.format("%,d", size()) + " B;");
    classesByPackage(3).entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e -> line.append(' ').append(e.getKey()).append(" (").append(e.getValue()).append(')'));
    return line.toString();
  }

  /**
   * A class loader over the jar alone, with the JDK's platform classes as parent: what the jar does
   * not carry cannot be loaded, as in Lambda. The caller closes it.
   */
  public URLClassLoader isolatedClassLoader() {
    try {
      return new URLClassLoader(
          new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
