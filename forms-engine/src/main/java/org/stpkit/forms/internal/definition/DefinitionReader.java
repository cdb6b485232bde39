package org.stpkit.forms.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.Condition;
import org.stpkit.forms.Content;
import org.stpkit.forms.ContentType;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.Option;
import org.stpkit.forms.Page;
import org.stpkit.forms.PageItem;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.Repeat;
import org.stpkit.forms.Route;
import org.stpkit.forms.Validation;

/**
 * Builds a {@link FormDefinition} from a schema-checked document and finds the problems a schema
 * cannot: duplicate names, references to unknown pages, questions, lists and conditions, values a
 * question can never have, rules that do not fit a question type. Reading is defensive, so that
 * one pass reports every problem; {@link RouteGraphCheck} then checks the routes as a graph.
 *
 * <p>Longer than our usual class: it reads one grammar, the definition format, and splitting it would
 * scatter that grammar's rules.
 */
final class DefinitionReader {
  private final DefinitionDocument document;
  private final List<Problem> problems;
  private final boolean welsh;
  private final Map<String, Question> questions = new LinkedHashMap<>();
  private final Map<String, String> questionPointers = new HashMap<>();
  private final Map<String, String> questionPages = new HashMap<>();
  private final Map<String, JsonNode> conditionNodes = new LinkedHashMap<>();
  private final Map<String, Condition> conditions = new LinkedHashMap<>();
  private final List<String> resolving = new ArrayList<>();
  /** While reading a repeating section's item pages: the path of the page that holds it. */
  private @Nullable String insideRepeat;
  /** Conditions used on each page (for routes and content), checked once all pages are read. */
  final List<ConditionUse> conditionUses = new ArrayList<>();

  /**
   * A condition used by a page, with where it is written. A route's condition may use the page's
   * own answers; content shown on a page can only depend on earlier pages.
   */
  record ConditionUse(String pagePath, String pointer, Condition condition, boolean onRoute) {}

  DefinitionReader(DefinitionDocument document, List<Problem> problems) {
    this.document = document;
    this.problems = problems;
    JsonNode languages = document.root().path("languages");
    boolean hasWelsh = false;
    for (JsonNode language : languages) {
      hasWelsh |= language.asText().equals("cy");
    }
    this.welsh = hasWelsh;
  }

  FormDefinition read() {
    JsonNode root = document.root();
    List<String> languages = new ArrayList<>();
    root.path("languages").forEach(language -> languages.add(language.asText()));
    if (languages.isEmpty()) {
      languages.add("en");
    }
    Map<String, List<Option>> lists = readLists(root.path("lists"));
    root.path("conditions").fields().forEachRemaining(entry -> conditionNodes.put(entry.getKey(), entry.getValue()));

    List<Page> pages = new ArrayList<>();
    Map<String, String> pagePointers = new HashMap<>();
    JsonNode pageNodes = root.path("pages");
    // Questions first, so that conditions on any page can refer to any question.
    readAllQuestions(pageNodes, lists);
    for (String name : conditionNodes.keySet()) {
      namedCondition(name, "/conditions/" + DefinitionDocument.escape(name));
    }
    for (int i = 0; i < pageNodes.size(); i++) {
      String pointer = "/pages/" + i;
      Page page = readPage(pageNodes.get(i), pointer);
      String earlier = pagePointers.putIfAbsent(page.path(), pointer);
      if (earlier != null) {
        problems.add(document.problem(pointer + "/path",
            "page path '" + page.path() + "' is already used by the page at " + document.path(earlier)));
      }
      pages.add(page);
    }

    String startPage = pages.isEmpty() ? "" : pages.get(0).path();
    if (root.has("startPage")) {
      startPage = root.path("startPage").asText();
      if (!pagePointers.containsKey(startPage)) {
        problems.add(document.problem("/startPage", "no page has the path '" + startPage + "'"));
      }
    }
    JsonNode checkAnswers = root.path("checkAnswers");
    JsonNode confirmation = root.path("confirmation");
    return new FormDefinition(
        root.path("id").asText(),
        text(root.path("title"), "/title").orElse(LocalisedText.of("")),
        root.path("version").asInt(1),
        languages,
        startPage,
        pages,
        conditions,
        new FormDefinition.CheckAnswersSettings(
            text(checkAnswers.path("title"), "/checkAnswers/title"),
            text(checkAnswers.path("declaration"), "/checkAnswers/declaration"),
            text(checkAnswers.path("submitText"), "/checkAnswers/submitText")),
        new FormDefinition.ConfirmationSettings(
            text(confirmation.path("title"), "/confirmation/title"),
            text(confirmation.path("body"), "/confirmation/body"),
            confirmation.path("referencePrefix").asText("")),
        saveAndReturn(root.path("saveAndReturn")));
  }

  /** {@code saveAndReturn: true}, or {@code {securityQuestion: ...}}; absent or false: not offered. */
  private Optional<FormDefinition.SaveAndReturnSettings> saveAndReturn(JsonNode node) {
    if (node.isObject()) {
      return Optional.of(new FormDefinition.SaveAndReturnSettings(
          text(node.path("securityQuestion"), "/saveAndReturn/securityQuestion")));
    }
    return node.asBoolean(false) ? Optional.of(new FormDefinition.SaveAndReturnSettings(Optional.empty()))
        : Optional.empty();
  }

  /** Every question of every page, a repeating section's items' included, registered by name. */
  private void readAllQuestions(JsonNode pageNodes, Map<String, List<Option>> lists) {
    for (int i = 0; i < pageNodes.size(); i++) {
      JsonNode pageNode = pageNodes.get(i);
      String pagePath = pageNode.path("path").asText();
      readQuestions(pageNode, "/pages/" + i, lists, pagePath);
      JsonNode repeat = pageNode.path("repeat");
      for (int j = 0; j < repeat.path("pages").size(); j++) {
        // Item questions count as asked on the page that holds the repeat, for the order of conditions.
        readQuestions(repeat.path("pages").get(j), "/pages/" + i + "/repeat/pages/" + j, lists, pagePath);
      }
      if (repeat.path("name").isTextual()) {
        // The repeat's name stands for its number of items in conditions: a whole number, asked on this page.
        register(new Question(QuestionType.NUMBER, repeat.path("name").asText(), LocalisedText.of(repeat.path("name").asText()),
            Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), List.of(), false, Optional.empty(),
            Validation.NONE, Map.of()), "/pages/" + i + "/repeat/name", pagePath);
      }
    }
  }

  Map<String, String> questionPages() {
    return questionPages;
  }

  Map<String, String> questionPointers() {
    return questionPointers;
  }

  private Map<String, List<Option>> readLists(JsonNode lists) {
    Map<String, List<Option>> result = new HashMap<>();
    lists.fields().forEachRemaining(entry -> result.put(entry.getKey(),
        readOptions(entry.getValue(), "/lists/" + DefinitionDocument.escape(entry.getKey()), null)));
    return result;
  }

  /** Options; {@code lists} is null for a shared list, where options cannot reveal questions. */
  private List<Option> readOptions(JsonNode options, String pointer, @Nullable Map<String, List<Option>> lists) {
    List<Option> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < options.size(); i++) {
      JsonNode node = options.get(i);
      String optionPointer = pointer + "/" + i;
      Optional<Option> option = readOption(node, optionPointer, lists);
      if (option.isEmpty()) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(option.get().value(), i);
      if (earlier != null) {
        problems.add(document.problem(optionPointer, "option value '" + option.get().value()
            + "' is already used by option " + earlier));
      }
      result.add(option.get());
    }
    return result;
  }

  private Optional<Option> readOption(JsonNode node, String pointer, @Nullable Map<String, List<Option>> lists) {
    if (node.isTextual()) {
      String value = node.asText();
      if (welsh) {
        problems.add(document.problem(pointer, "a Welsh form needs each option as {value, text: {en, cy}}"));
      }
      return Optional.of(Option.of(value, LocalisedText.of(value)));
    }
    if (!node.path("value").isTextual()) {
      return Optional.empty();
    }
    List<Question> reveal = new ArrayList<>();
    JsonNode revealNodes = node.path("reveal");
    if (revealNodes.size() > 0 && lists == null) {
      problems.add(document.problem(pointer + "/reveal",
          "options in a shared list cannot reveal questions; write the options in the question instead"));
    } else {
      for (int j = 0; j < revealNodes.size(); j++) {
        String revealPointer = pointer + "/reveal/" + j;
        Question revealed = readQuestion(revealNodes.get(j), revealPointer, lists);
        if (revealed == null) {
          continue;
        }
        if (!REVEALABLE.contains(revealed.type())) {
          problems.add(document.problem(revealPointer + "/type", "a " + revealed.type().definitionName()
              + " question cannot be revealed; only single-field questions can: "
              + String.join(", ", REVEALABLE.stream().map(QuestionType::definitionName).toList())));
          continue;
        }
        reveal.add(revealed);
      }
    }
    return Optional.of(new Option(node.path("value").asText(),
        text(node.path("text"), pointer + "/text").orElse(LocalisedText.of(node.path("value").asText())),
        text(node.path("hint"), pointer + "/hint"), reveal));
  }

  /** Question types a chosen option can reveal: one field each, as GOV.UK's conditional reveal advises. */
  private static final List<QuestionType> REVEALABLE = List.of(QuestionType.TEXT, QuestionType.LONG_TEXT,
      QuestionType.EMAIL, QuestionType.PHONE, QuestionType.NUMBER, QuestionType.MONEY, QuestionType.POSTCODE,
      QuestionType.NI_NUMBER);

  private void readQuestions(JsonNode page, String pagePointer, Map<String, List<Option>> lists, String pagePath) {
    JsonNode nodes = page.path("questions");
    new FileRulesReader(document, problems).checkAlone(nodes, pagePointer);
    for (int i = 0; i < nodes.size(); i++) {
      String pointer = pagePointer + "/questions/" + i;
      Question question = readQuestion(nodes.get(i), pointer, lists);
      if (question == null) {
        continue;
      }
      if (register(question, pointer, pagePath)) {
        JsonNode optionNodes = nodes.get(i).path("options");
        for (int k = 0; k < optionNodes.size(); k++) {
          JsonNode revealNodes = optionNodes.get(k).path("reveal");
          for (int j = 0; j < revealNodes.size(); j++) {
            String revealedName = revealNodes.get(j).path("name").asText("");
            String revealPointer = pointer + "/options/" + k + "/reveal/" + j;
            question.revealedQuestions().stream().filter(revealed -> revealed.name().equals(revealedName)).findFirst()
                .ifPresent(revealed -> register(revealed, revealPointer, pagePath));
          }
        }
      }
    }
  }

  /** Records a question by name; false (and a problem) when the name is taken. */
  private boolean register(Question question, String pointer, String pagePath) {
    String earlier = questionPointers.putIfAbsent(question.name(), pointer);
    if (earlier != null) {
      problems.add(document.problem(pointer + "/name", "question name '" + question.name()
          + "' is already used by the question at " + document.path(earlier)));
      return false;
    }
    questions.put(question.name(), question);
    questionPages.put(question.name(), pagePath);
    return true;
  }

  private @Nullable Question readQuestion(JsonNode node, String pointer, Map<String, List<Option>> lists) {
    Optional<QuestionType> type = QuestionType.byDefinitionName(node.path("type").asText());
    String name = node.path("name").asText("");
    if (type.isEmpty() || name.isEmpty()) {
      return null;
    }
    List<Option> options = List.of();
    if (node.has("options") && node.has("list")) {
      problems.add(document.problem(pointer + "/list", "give either options or list, not both"));
    }
    if (node.has("options")) {
      options = readOptions(node.path("options"), pointer + "/options", lists);
    } else if (node.has("list")) {
      String list = node.path("list").asText();
      options = lists.get(list);
      if (options == null) {
        problems.add(document.problem(pointer + "/list", "no list is named '" + list + "'"
            + (lists.isEmpty() ? "" : "; lists: " + String.join(", ", lists.keySet()))));
        options = List.of();
      }
    }
    QuestionType questionType = type.get();
    if (questionType != QuestionType.RADIOS && questionType != QuestionType.CHECKBOXES) {
      JsonNode optionNodes = node.path("options");
      for (int k = 0; k < optionNodes.size(); k++) {
        if (optionNodes.get(k).has("reveal")) {
          problems.add(document.problem(pointer + "/options/" + k + "/reveal",
              "only radios and checkboxes options can reveal questions"));
        }
      }
    }
    if (questionType.hasOptions() && !node.has("options") && !node.has("list")) {
      problems.add(document.problem(pointer, questionType.definitionName() + " questions need options or a list"));
    }
    if (!questionType.hasOptions()) {
      notFor(node, pointer, "options", questionType, "radios, checkboxes, select and autocomplete");
      notFor(node, pointer, "list", questionType, "radios, checkboxes, select and autocomplete");
    }
    if (questionType != QuestionType.RADIOS) {
      notFor(node, pointer, "orDivider", questionType, "radios");
    }
    if (questionType != QuestionType.CHECKBOXES) {
      notFor(node, pointer, "noneOption", questionType, "checkboxes");
    }
    Optional<Option> noneOption = node.has("noneOption")
        ? readOption(node.path("noneOption"), pointer + "/noneOption", lists) : Optional.empty();
    noneOption.ifPresent(none -> {
      if (node.has("options") && readOptionValues(node.path("options")).contains(none.value())) {
        problems.add(document.problem(pointer + "/noneOption/value",
            "the none option's value '" + none.value() + "' is also a value in options"));
      }
    });
    Map<String, LocalisedText> errors = new LinkedHashMap<>();
    node.path("errors").fields().forEachRemaining(entry ->
        text(entry.getValue(), pointer + "/errors/" + entry.getKey()).ifPresent(text -> errors.put(entry.getKey(), text)));
    return new Question(
        questionType,
        name,
        text(node.path("label"), pointer + "/label").orElse(LocalisedText.of(name)),
        text(node.path("hint"), pointer + "/hint"),
        text(node.path("errorName"), pointer + "/errorName"),
        node.path("optional").asBoolean(false),
        node.has("width") ? Optional.of(node.path("width").asText()) : Optional.empty(),
        node.has("autocomplete") ? Optional.of(node.path("autocomplete").asText()) : Optional.empty(),
        options,
        node.path("orDivider").asBoolean(false),
        noneOption,
        readValidation(node.path("validation"), pointer + "/validation", questionType),
        errors,
        new FileRulesReader(document, problems).read(node, pointer, questionType));
  }

  private static List<String> readOptionValues(JsonNode options) {
    List<String> values = new ArrayList<>();
    options.forEach(option -> values.add(option.isTextual() ? option.asText() : option.path("value").asText()));
    return values;
  }

  private void notFor(JsonNode node, String pointer, String property, QuestionType type, String applies) {
    if (node.has(property)) {
      problems.add(document.problem(pointer + "/" + property,
          "'" + property + "' is for " + applies + " questions, not " + type.definitionName()));
    }
  }

  private Validation readValidation(JsonNode node, String pointer, QuestionType type) {
    if (node.isMissingNode()) {
      return Validation.NONE;
    }
    List<QuestionType> textTypes = List.of(QuestionType.TEXT, QuestionType.LONG_TEXT);
    List<QuestionType> numberTypes = List.of(QuestionType.NUMBER, QuestionType.MONEY);
    ruleFor(node, pointer, "minLength", type, textTypes);
    ruleFor(node, pointer, "maxLength", type, textTypes);
    ruleFor(node, pointer, "maxWords", type, List.of(QuestionType.LONG_TEXT));
    ruleFor(node, pointer, "min", type, numberTypes);
    ruleFor(node, pointer, "max", type, numberTypes);
    ruleFor(node, pointer, "decimalPlaces", type, List.of(QuestionType.NUMBER));
    for (String dateRule : List.of("past", "future", "after", "before")) {
      ruleFor(node, pointer, dateRule, type, List.of(QuestionType.DATE));
    }
    OptionalInt minLength = optionalInt(node, "minLength");
    OptionalInt maxLength = optionalInt(node, "maxLength");
    if (minLength.isPresent() && maxLength.isPresent() && minLength.getAsInt() > maxLength.getAsInt()) {
      problems.add(document.problem(pointer + "/minLength", "minLength is more than maxLength"));
    }
    Optional<BigDecimal> min = node.path("min").isNumber() ? Optional.of(node.path("min").decimalValue()) : Optional.empty();
    Optional<BigDecimal> max = node.path("max").isNumber() ? Optional.of(node.path("max").decimalValue()) : Optional.empty();
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      problems.add(document.problem(pointer + "/min", "min is more than max"));
    }
    boolean past = node.path("past").asBoolean(false);
    boolean future = node.path("future").asBoolean(false);
    if (past && future) {
      problems.add(document.problem(pointer + "/future", "a date cannot be both in the past and in the future"));
    }
    Optional<LocalDate> after = date(node.path("after"), pointer + "/after");
    Optional<LocalDate> before = date(node.path("before"), pointer + "/before");
    if (after.isPresent() && before.isPresent() && !after.get().isBefore(before.get().minusDays(1))) {
      problems.add(document.problem(pointer + "/before", "no date is both after " + after.get() + " and before " + before.get()));
    }
    return new Validation(minLength, maxLength, optionalInt(node, "maxWords"), min, max,
        node.path("decimalPlaces").asInt(type == QuestionType.MONEY ? 2 : 0), past, future, after, before);
  }

  private void ruleFor(JsonNode node, String pointer, String rule, QuestionType type, List<QuestionType> applies) {
    if (node.has(rule) && !applies.contains(type)) {
      problems.add(document.problem(pointer + "/" + rule, "'" + rule + "' does not apply to " + type.definitionName()
          + " questions; it is for " + String.join(", ", applies.stream().map(QuestionType::definitionName).toList())));
    }
  }

  private static OptionalInt optionalInt(JsonNode node, String property) {
    // YAML's reader gives whole numbers as longs, JSON's as ints: either, if it fits an int.
    JsonNode value = node.path(property);
    return value.isIntegralNumber() && value.canConvertToInt() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
  }

  private Optional<LocalDate> date(JsonNode node, String pointer) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(node.asText()));
    } catch (DateTimeParseException e) {
      problems.add(document.problem(pointer, "'" + node.asText() + "' is not a date in the form yyyy-mm-dd"));
      return Optional.empty();
    }
  }

  private Page readPage(JsonNode node, String pointer) {
    String path = node.path("path").asText("");
    List<PageItem> items = new ArrayList<>();
    JsonNode questionNodes = node.path("questions");
    for (int i = 0; i < questionNodes.size(); i++) {
      Question question = questions.get(questionNodes.get(i).path("name").asText());
      if (question != null && questionPointers.get(question.name()).equals(pointer + "/questions/" + i)) {
        items.add(question);
      }
    }
    JsonNode contentNodes = node.path("content");
    for (int i = 0; i < contentNodes.size(); i++) {
      readContent(contentNodes.get(i), pointer + "/content/" + i, path).ifPresent(items::add);
    }
    boolean repeats = node.has("repeat");
    if (questionNodes.isEmpty() && contentNodes.isEmpty() && !repeats) {
      problems.add(document.problem(pointer, "the page has neither questions nor content"));
    }
    if (repeats && !questionNodes.isEmpty()) {
      problems.add(document.problem(pointer + "/questions",
          "the page of a repeating section lists its items; ask questions on its item pages"));
    }
    Optional<LocalisedText> title = text(node.path("title"), pointer + "/title");
    if (title.isEmpty() && questionNodes.size() != 1) {
      problems.add(document.problem(pointer, "a page needs a title unless it has exactly one question, whose label is the heading"));
    }
    List<Route> routes = new ArrayList<>();
    JsonNode routeNodes = node.path("next");
    for (int i = 0; i < routeNodes.size(); i++) {
      JsonNode route = routeNodes.get(i);
      String routePointer = pointer + "/next/" + i;
      Optional<Condition> when = route.has("when")
          ? condition(route.path("when"), routePointer + "/when") : Optional.empty();
      when.ifPresent(condition -> use(path, routePointer + "/when", condition, true));
      if (!route.path("to").isTextual()) {
        continue;
      }
      if (route.has("when") && when.isEmpty()) {
        // The condition was wrong and is reported; keep the route so the graph checks still see it.
        when = Optional.of(new Condition.All(List.of()));
      }
      routes.add(new Route(route.path("to").asText(), when));
    }
    Optional<Condition> showWhen = node.has("showWhen")
        ? condition(node.path("showWhen"), pointer + "/showWhen") : Optional.empty();
    showWhen.ifPresent(condition -> use(path, pointer + "/showWhen", condition, false));
    boolean exit = node.path("exit").asBoolean(false);
    if (exit && !questionNodes.isEmpty()) {
      problems.add(document.problem(pointer + "/exit", "an exit page has content only, no questions: a journey ends there"));
    }
    if (exit && !routeNodes.isEmpty()) {
      problems.add(document.problem(pointer + "/next", "an exit page leads nowhere: a journey ends there"));
    }
    Optional<Repeat> repeat = repeats ? readRepeat(node.path("repeat"), pointer + "/repeat", path) : Optional.empty();
    return new Page(path, title, text(node.path("section"), pointer + "/section"), items, routes, showWhen, exit, repeat);
  }

  /** A repeating section: its item pages follow one another, and their conditions may use the item's answers. */
  private Optional<Repeat> readRepeat(JsonNode node, String pointer, String pagePath) {
    if (insideRepeat != null) {
      problems.add(document.problem(pointer, "a repeating section cannot hold another"));
      return Optional.empty();
    }
    int min = node.path("min").asInt(1);
    int max = node.path("max").asInt(10);
    if (min > max) {
      problems.add(document.problem(pointer + "/min", "min is more than max"));
    }
    List<Page> pages = new ArrayList<>();
    Map<String, String> paths = new HashMap<>();
    JsonNode pageNodes = node.path("pages");
    insideRepeat = pagePath;
    try {
      for (int i = 0; i < pageNodes.size(); i++) {
        String itemPointer = pointer + "/pages/" + i;
        JsonNode itemNode = pageNodes.get(i);
        for (String property : List.of("next", "exit")) {
          if (itemNode.has(property)) {
            problems.add(document.problem(itemPointer + "/" + property,
                "the pages of a repeating section follow one another: no " + property + " here; use showWhen to skip one"));
          }
        }
        Page page = readPage(itemNode, itemPointer);
        String earlier = paths.putIfAbsent(page.path(), itemPointer);
        if (earlier != null) {
          problems.add(document.problem(itemPointer + "/path", "page path '" + page.path()
              + "' is already used by the page at " + document.path(earlier)));
        }
        pages.add(page);
      }
    } finally {
      insideRepeat = null;
    }
    return Optional.of(new Repeat(node.path("name").asText(), text(node.path("itemName"), pointer + "/itemName")
        .orElse(LocalisedText.of("item")), min, max, pages));
  }

  /**
   * Records where a condition is used. Inside a repeating section it counts as used on the page that
   * holds it, where the item's own answers are given.
   */
  private void use(String pagePath, String pointer, Condition condition, boolean onRoute) {
    conditionUses.add(insideRepeat == null ? new ConditionUse(pagePath, pointer, condition, onRoute)
        : new ConditionUse(insideRepeat, pointer, condition, true));
  }

  private Optional<Content> readContent(JsonNode node, String pointer, String pagePath) {
    ContentType type;
    try {
      type = ContentType.valueOf(node.path("type").asText().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<LocalisedText> summary = text(node.path("summary"), pointer + "/summary");
    if (type == ContentType.DETAILS && summary.isEmpty()) {
      problems.add(document.problem(pointer, "details content needs a summary"));
    }
    if (type != ContentType.DETAILS && summary.isPresent()) {
      problems.add(document.problem(pointer + "/summary", "only details content has a summary"));
    }
    Optional<Condition> showWhen = node.has("showWhen")
        ? condition(node.path("showWhen"), pointer + "/showWhen") : Optional.empty();
    showWhen.ifPresent(condition -> use(pagePath, pointer + "/showWhen", condition, false));
    return Optional.of(new Content(type, text(node.path("text"), pointer + "/text").orElse(LocalisedText.of("")),
        summary, showWhen));
  }

  private Optional<Condition> namedCondition(String name, String usedAt) {
    Condition known = conditions.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    JsonNode node = conditionNodes.get(name);
    if (node == null) {
      problems.add(document.problem(usedAt, "no condition is named '" + name + "'"
          + (conditionNodes.isEmpty() ? "" : "; conditions: " + String.join(", ", conditionNodes.keySet()))));
      return Optional.empty();
    }
    if (resolving.contains(name)) {
      List<String> cycle = new ArrayList<>(resolving.subList(resolving.indexOf(name), resolving.size()));
      cycle.add(name);
      problems.add(document.problem(usedAt, "conditions refer to each other in a loop: " + String.join(" → ", cycle)));
      return Optional.empty();
    }
    resolving.add(name);
    Optional<Condition> condition = condition(node, "/conditions/" + DefinitionDocument.escape(name));
    resolving.remove(resolving.size() - 1);
    condition.ifPresent(resolved -> conditions.put(name, new Condition.Named(name, resolved)));
    return Optional.ofNullable(conditions.get(name));
  }

  /** A condition: a name, or {all}, {any}, {not}, or {question, one comparison}. Empty when wrong (and reported). */
  private Optional<Condition> condition(JsonNode node, String pointer) {
    if (node.isTextual()) {
      return namedCondition(node.asText(), pointer);
    }
    if (!node.isObject()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    if (node.has("all") || node.has("any") || node.has("not")) {
      if (keys.size() != 1) {
        problems.add(document.problem(pointer, "a condition has one of all, any, not or question, but this has "
            + String.join(", ", keys)));
        return Optional.empty();
      }
      if (node.has("not")) {
        return condition(node.path("not"), pointer + "/not").map(Condition.Not::new);
      }
      String combiner = node.has("all") ? "all" : "any";
      List<Condition> parts = new ArrayList<>();
      boolean complete = true;
      JsonNode items = node.path(combiner);
      for (int i = 0; i < items.size(); i++) {
        Optional<Condition> part = condition(items.get(i), pointer + "/" + combiner + "/" + i);
        part.ifPresent(parts::add);
        complete &= part.isPresent();
      }
      if (!complete) {
        return Optional.empty();
      }
      return Optional.of(combiner.equals("all") ? new Condition.All(parts) : new Condition.Any(parts));
    }
    return comparison(node, pointer, keys);
  }

  private Optional<Condition> comparison(JsonNode node, String pointer, List<String> keys) {
    if (!node.has("question")) {
      problems.add(document.problem(pointer, "a condition needs all, any, not, or a question to compare"));
      return Optional.empty();
    }
    String name = node.path("question").asText();
    List<String> operators = keys.stream().filter(key -> !key.equals("question")).toList();
    if (operators.size() != 1) {
      problems.add(document.problem(pointer, "a comparison has exactly one of equals, notEquals, oneOf, contains,"
          + " greaterThan, lessThan, before, after, answered; this has "
          + (operators.isEmpty() ? "none" : String.join(", ", operators))));
      return Optional.empty();
    }
    Question question = questions.get(name);
    if (question == null) {
      problems.add(document.problem(pointer + "/question", "no question is named '" + name + "'"));
      return Optional.empty();
    }
    String operatorName = operators.get(0);
    Condition.Operator operator = null;
    for (Condition.Operator candidate : Condition.Operator.values()) {
      if (candidate.definitionName().equals(operatorName)) {
        operator = candidate;
      }
    }
    if (operator == null) {
      return Optional.empty();
    }
    String operatorPointer = pointer + "/" + operatorName;
    JsonNode value = node.path(operatorName);
    List<String> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(item -> values.add(item.asText()));
    } else if (operator != Condition.Operator.ANSWERED) {
      values.add(value.asText());
    }
    if (!fits(question, operator, values, operatorPointer)) {
      return Optional.empty();
    }
    Condition comparison = new Condition.Comparison(name, operator, values);
    if (operator == Condition.Operator.ANSWERED && !value.asBoolean(true)) {
      return Optional.of(new Condition.Not(comparison));
    }
    return Optional.of(comparison);
  }

  /** Whether a comparison can ever hold for the question's answers; reports why not. */
  private boolean fits(Question question, Condition.Operator operator, List<String> values, String pointer) {
    QuestionType type = question.type();
    String about = "question '" + question.name() + "' (" + type.definitionName() + ")";
    if (type == QuestionType.FILE && operator != Condition.Operator.ANSWERED) {
      problems.add(document.problem(pointer, "a file question's answer can only be tested with answered, not "
          + operator.definitionName()));
      return false;
    }
    switch (operator) {
      case CONTAINS:
        if (type != QuestionType.CHECKBOXES) {
          problems.add(document.problem(pointer, "contains is for checkboxes questions, and " + about + " is not one"));
          return false;
        }
        break;
      case GREATER_THAN:
      case LESS_THAN:
        if (!type.isNumeric()) {
          problems.add(document.problem(pointer, operator.definitionName() + " is for number and money questions, not " + about));
          return false;
        }
        return true;
      case BEFORE:
      case AFTER:
        if (type != QuestionType.DATE) {
          problems.add(document.problem(pointer, operator.definitionName() + " is for date questions, not " + about));
          return false;
        }
        for (String date : values) {
          try {
            LocalDate.parse(date);
          } catch (DateTimeParseException e) {
            problems.add(document.problem(pointer, "'" + date + "' is not a date in the form yyyy-mm-dd"));
            return false;
          }
        }
        return true;
      case EQUALS:
      case NOT_EQUALS:
      case ONE_OF:
        if (type == QuestionType.CHECKBOXES) {
          problems.add(document.problem(pointer, "use contains to test a checkboxes answer; "
              + operator.definitionName() + " compares a single answer"));
          return false;
        }
        break;
      case ANSWERED:
        return true;
      default:
        break;
    }
    List<String> possible = question.optionValues();
    if (possible.isEmpty()) {
      return true;
    }
    for (String value : values) {
      if (!possible.contains(value)) {
        problems.add(document.problem(pointer, "'" + value + "' is never an answer to " + about
            + "; its values are " + String.join(", ", possible)));
        return false;
      }
    }
    return true;
  }

  /** Text or {en, cy}; for a Welsh form, missing Welsh is a problem. */
  private Optional<LocalisedText> text(JsonNode node, String pointer) {
    if (node.isTextual()) {
      if (welsh) {
        problems.add(document.problem(pointer, "a Welsh form needs this text in Welsh too: {en: ..., cy: ...}"));
      }
      return Optional.of(LocalisedText.of(node.asText()));
    }
    if (node.isObject() && node.path("en").isTextual()) {
      Optional<String> cy = node.path("cy").isTextual() ? Optional.of(node.path("cy").asText()) : Optional.empty();
      if (welsh && cy.isEmpty()) {
        problems.add(document.problem(pointer, "a Welsh form needs this text in Welsh too (cy)"));
      }
      return Optional.of(new LocalisedText(node.path("en").asText(), cy));
    }
    return Optional.empty();
  }
}
