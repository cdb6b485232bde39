package org.stpkit.forms.internal.definition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stpkit.forms.DefinitionProblem;
import org.stpkit.forms.FormDefinition;

/** Parses, checks against the schema, reads and checks a definition, collecting every problem. */
public final class DefinitionLoader {
  /** A definition, or the problems that stop it being one. */
  public record Result(FormDefinition definition, List<DefinitionProblem> problems) {}

  private DefinitionLoader() {}

  public static Result load(String text, String source) {
    LocatedDocument document;
    try {
      document = LocatedDocument.parse(text, source);
    } catch (LocatedDocument.SyntaxProblem e) {
      return new Result(null, List.of(e.problem()));
    }
    List<DefinitionProblem> problems = new ArrayList<>(SchemaCheck.check(document));
    if (!document.root().isObject()) {
      return new Result(null, problems);
    }
    DefinitionReader reader = new DefinitionReader(document, problems);
    FormDefinition definition = reader.read();
    new RouteGraphCheck(document, problems).check(definition, reader.conditionUses, reader.questionPages());
    List<DefinitionProblem> unique = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    unique.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
    return new Result(definition, unique);
  }

  /** Where the published JSON Schema is on the classpath. */
  public static String schemaResource() {
    return SchemaCheck.SCHEMA_RESOURCE;
  }
}
