package org.stpkit.forms.internal.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinition;

/**
 * Reads a definition (definition-support's located YAML or JSON), checks it against the schema,
 * reads and checks it, collecting every problem: the one way into definitions from the API.
 */
public final class DefinitionLoader {
  /** A definition, or the problems that stop it being one (the definition is empty when the text has no usable root). */
  public record Result(Optional<FormDefinition> definition, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private DefinitionLoader() {}

  public static Result load(String text, String source) {
    return check(LocatedDocument.parse(text, source));
  }

  private static Result check(LocatedDocument located) {
    List<Problem> problems = new ArrayList<>(located.problems());
    if (located.root().isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    LocatedNode rootNode = located.root().get();
    if (rootNode.is(LocatedNode.Kind.NOTHING)) {
      problems.add(new Problem(located.source(), 1, 1, "", "the file is empty"));
      return new Result(Optional.empty(), problems);
    }
    DefinitionDocument document = new DefinitionDocument(rootNode);
    problems.addAll(SchemaCheck.check(document));
    if (!document.root().isObject()) {
      return new Result(Optional.empty(), problems);
    }
    DefinitionReader reader = new DefinitionReader(document, problems);
    FormDefinition definition = reader.read();
    new RouteGraphCheck(document, problems).check(definition, reader.conditionUses, reader.questionPages());
    List<Problem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
    unique.sort(Problem.IN_FILE_ORDER);
    return new Result(Optional.of(definition), unique);
  }

  /** Where the published JSON Schema is on the classpath. */
  public static String schemaResource() {
    return SchemaCheck.SCHEMA_RESOURCE;
  }
}
