package org.stpkit.spring.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.InvalidFormDefinitionException;
import org.stpkit.spring.StpConfigurationException;

/**
 * Reads every definition under the configured locations and checks them all before any is served:
 * one bad file stops the service, and every problem in every file is reported at once, each as
 * {@code file:line:column: path: message}.
 */
final class FormDefinitionFiles {
  private FormDefinitionFiles() {}

  /** The definitions by form id, in location order. */
  static Map<String, FormDefinition> load(ResourcePatternResolver resolver, List<String> locations) {
    Map<String, FormDefinition> forms = new LinkedHashMap<>();
    Map<String, String> fileOfForm = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String location : locations) {
      Resource[] resources;
      try {
        resources = resolver.getResources(location);
      } catch (java.io.FileNotFoundException e) {
        // A folder that does not exist: nothing matches it, which is reported below.
        resources = new Resource[0];
      } catch (IOException e) {
        problems.add(location + ": cannot be searched: " + e.getMessage());
        continue;
      }
      for (Resource resource : resources) {
        if (!resource.isReadable()) {
          continue;
        }
        String name = nameOf(location, resource);
        try {
          FormDefinition form = FormDefinitions.parse(read(resource), name);
          String earlier = fileOfForm.putIfAbsent(form.id(), name);
          if (earlier != null) {
            problems.add(name + ": id: the form id '" + form.id() + "' is also the id of " + earlier
                + "; each form needs its own id");
          } else {
            forms.put(form.id(), form);
          }
        } catch (InvalidFormDefinitionException e) {
          e.problems().stream().map(Problem::toString).forEach(problems::add);
        } catch (IOException e) {
          problems.add(name + ": cannot be read: " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StpConfigurationException("The form definitions have " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems"), problems,
          "Correct the definitions (./stp forms check <file> shows the same), or move a form out of "
              + "stp.forms.locations until it is ready.");
    }
    if (forms.isEmpty()) {
      throw new StpConfigurationException("No form definitions found", List.of("stp.forms.locations: nothing matches "
          + String.join(", ", locations)), "Add a definition there, point stp.forms.locations at yours, "
          + "or set stp.forms.enabled=false.");
    }
    return forms;
  }

  /**
   * The name problems give as the file: the location's folder and the file name, such as
   * {@code forms/apply.yaml} for {@code classpath:forms/*.yaml}, so that a reader finds it in the source tree.
   */
  static String nameOf(String location, Resource resource) {
    String filename = resource.getFilename() == null ? resource.getDescription() : resource.getFilename();
    String path = location.replaceFirst("^[a-zA-Z*]+:", "").replaceFirst("^/+", "");
    int wildcard = firstWildcard(path);
    String folder = path.substring(0, wildcard < 0 ? path.length() : wildcard);
    folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/') + 1) : "";
    return folder + filename;
  }

  private static int firstWildcard(String path) {
    int star = path.indexOf('*');
    int question = path.indexOf('?');
    if (star < 0) {
      return question;
    }
    return question < 0 ? star : Math.min(star, question);
  }

  private static String read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("it is not UTF-8 text", e);
    }
  }
}
