package org.stpkit.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.stpkit.definition.Problem;
import org.stpkit.forms.internal.definition.DefinitionLoader;

/**
 * Loads form definitions from YAML or JSON and checks them, reporting every problem at once with
 * its file, line, column and path ({@code pages[2].questions[0].label}).
 *
 * <pre>{@code
 * FormDefinition form = FormDefinitions.load(Path.of("forms/apply-for-a-licence.yaml"));
 * }</pre>
 */
public final class FormDefinitions {
  private FormDefinitions() {}

  /**
   * Loads and checks a definition file ({@code .yaml}, {@code .yml} or {@code .json}).
   *
   * @throws InvalidFormDefinitionException listing every problem
   * @throws UncheckedIOException when the file cannot be read
   */
  public static FormDefinition load(Path file) {
    return parse(read(file), file.toString());
  }

  /**
   * Loads and checks a definition from text.
   *
   * @param source the name problems give as the file
   * @throws InvalidFormDefinitionException listing every problem
   */
  public static FormDefinition parse(String text, String source) {
    DefinitionLoader.Result result = DefinitionLoader.load(
        Objects.requireNonNull(text, "text"), Objects.requireNonNull(source, "source"));
    if (!result.problems().isEmpty() || result.definition().isEmpty()) {
      throw new InvalidFormDefinitionException(result.problems());
    }
    return result.definition().get();
  }

  /** Every problem in a definition file; empty when it is fine. */
  public static List<Problem> check(Path file) {
    String text;
    try {
      text = read(file);
    } catch (UncheckedIOException e) {
      return List.of(Problem.of(file.toString(), "", "cannot read the file: " + e.getCause().getMessage()));
    }
    return DefinitionLoader.load(text, file.toString()).problems();
  }

  /** The published JSON Schema of the definition format, for editors and other tools. */
  public static String jsonSchema() {
    try (InputStream in = FormDefinitions.class.getResourceAsStream(DefinitionLoader.schemaResource())) {
      return new String(Objects.requireNonNull(in, "schema resource").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
