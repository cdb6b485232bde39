package org.stpkit.cli.internal.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code stp} command tree read from picocli's model into what the CLI reference page shows:
 * every command with its synopsis, description, parameters, options, subcommands and exit codes,
 * exactly as {@code --help} has them, so that the reference is never written by hand.
 */
final class CliReference {
  private CliReference() {}

  /** Every command, depth first from the root, as the template reads them (maps and lists). */
  static List<Map<String, Object>> commands(CommandSpec root) {
    List<Map<String, Object>> commands = new ArrayList<>();
    add(root, commands);
    return commands;
  }

  private static void add(CommandSpec spec, List<Map<String, Object>> commands) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    boolean isRoot = spec.parent() == null;
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("id", id(spec));
    command.put("name", spec.qualifiedName(" "));
    command.put("synopsis", synopsis(spec));
    command.put("description", List.of(spec.usageMessage().description()));
    List<Map<String, String>> parameters = new ArrayList<>();
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      if (!parameter.hidden()) {
        parameters.add(Map.of("label", parameter.paramLabel(), "description", description(parameter.description(), parameter.defaultValueString())));
      }
    }
    command.put("parameters", parameters);
    List<Map<String, String>> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      // --help and --version are on every command; the root's pair says so once.
      if (option.hidden() || (!isRoot && (option.usageHelp() || option.versionHelp()))) {
        continue;
      }
      String label = option.typeInfo().isBoolean() || option.arity().max() == 0 ? "" : option.paramLabel();
      options.add(Map.of("names", String.join(", ", option.names()), "label", label,
          "description", description(option.description(), option.defaultValueString())));
    }
    command.put("options", options);
    List<Map<String, String>> subcommands = new ArrayList<>();
    for (Map.Entry<String, CommandLine> entry : spec.subcommands().entrySet()) {
      CommandSpec sub = entry.getValue().getCommandSpec();
      if (!sub.usageMessage().hidden() && sub.name().equals(entry.getKey())) {
        String[] description = sub.usageMessage().description();
        subcommands.add(Map.of("name", sub.qualifiedName(" "), "id", id(sub), "description", description.length == 0 ? "" : description[0]));
      }
    }
    command.put("subcommands", subcommands);
    List<Map<String, String>> exitCodes = new ArrayList<>();
    spec.usageMessage().exitCodeList().forEach((code, meaning) ->
        exitCodes.add(Map.of("code", code.strip(), "meaning", meaning.strip())));
    command.put("exitCodes", exitCodes);
    commands.add(command);
    for (Map.Entry<String, CommandLine> entry : spec.subcommands().entrySet()) {
      // Aliases are listed under their command's own name only.
      if (entry.getValue().getCommandSpec().name().equals(entry.getKey())) {
        add(entry.getValue().getCommandSpec(), commands);
      }
    }
  }

  /** The anchor of a command's section: {@code stp-forms-check}. */
  static String id(CommandSpec spec) {
    return SchemaReference.slug(spec.qualifiedName(" "));
  }

  private static String synopsis(CommandSpec spec) {
    CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return help.synopsis(0).strip();
  }

  /** Picocli fills {@code ${DEFAULT-VALUE}} when it prints help; the reference fills it the same way. */
  private static String description(String[] lines, String defaultValue) {
    return String.join(" ", Arrays.stream(lines)
        .map(line -> line.replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue))
        .toList());
  }
}
