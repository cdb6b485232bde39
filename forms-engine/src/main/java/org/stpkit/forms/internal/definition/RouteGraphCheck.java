package org.stpkit.forms.internal.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stpkit.forms.Condition;
import org.stpkit.definition.Problem;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.Page;
import org.stpkit.forms.Route;

/**
 * Checks the pages as a graph of routes: every route leads to a page that exists, every page can be
 * reached from the start, no route leads round in a loop (so every journey ends at check your
 * answers), and conditions only use answers given on the way to where they are used.
 */
final class RouteGraphCheck {
  private final DefinitionDocument document;
  private final List<Problem> problems;

  RouteGraphCheck(DefinitionDocument document, List<Problem> problems) {
    this.document = document;
    this.problems = problems;
  }

  void check(FormDefinition form, List<DefinitionReader.ConditionUse> conditionUses, Map<String, String> questionPages) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < form.pages().size(); i++) {
      index.putIfAbsent(form.pages().get(i).path(), i);
    }
    Map<String, Set<String>> edges = new HashMap<>();
    for (int i = 0; i < form.pages().size(); i++) {
      Page page = form.pages().get(i);
      edges.put(page.path(), nextPages(form, i, index));
    }
    if (!index.containsKey(form.startPage())) {
      return;
    }
    Set<String> reachable = reach(form.startPage(), edges);
    for (int i = 0; i < form.pages().size(); i++) {
      Page page = form.pages().get(i);
      if (!reachable.contains(page.path()) && index.get(page.path()) == i) {
        problems.add(document.problem("/pages/" + i,
            "no route leads to " + page.path() + " from the start page " + form.startPage()));
      }
    }
    if (!findLoops(form, edges, index)) {
      checkConditionOrder(conditionUses, questionPages, edges, index);
    }
  }

  /** The pages a page can lead to, reporting unknown targets and routes that can never be taken. */
  private Set<String> nextPages(FormDefinition form, int pageIndex, Map<String, Integer> index) {
    Page page = form.pages().get(pageIndex);
    String pointer = "/pages/" + pageIndex;
    Set<String> next = new LinkedHashSet<>();
    boolean always = false;
    for (int r = 0; r < page.routes().size(); r++) {
      Route route = page.routes().get(r);
      String routePointer = pointer + "/next/" + r;
      if (always) {
        problems.add(document.problem(routePointer, "this route is never taken: an earlier route has no condition"));
        continue;
      }
      if (!route.toCheckAnswers()) {
        if (!index.containsKey(route.to())) {
          problems.add(document.problem(routePointer + "/to", "no page has the path '" + route.to() + "'"));
        } else if (route.to().equals(page.path())) {
          problems.add(document.problem(routePointer + "/to", "a page cannot lead to itself"));
        } else {
          next.add(route.to());
        }
      }
      always = route.when().isEmpty();
    }
    if (!always && !page.exit()) {
      form.pageAfter(page).ifPresent(after -> next.add(after.path()));
    }
    return next;
  }

  private static Set<String> reach(String from, Map<String, Set<String>> edges) {
    Set<String> seen = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>();
    toVisit.add(from);
    while (!toVisit.isEmpty()) {
      String path = toVisit.poll();
      if (seen.add(path)) {
        toVisit.addAll(edges.getOrDefault(path, Set.of()));
      }
    }
    return seen;
  }

  /** Reports each loop once; true when there is one. */
  private boolean findLoops(FormDefinition form, Map<String, Set<String>> edges, Map<String, Integer> index) {
    Map<String, Integer> state = new HashMap<>();
    Set<Set<String>> reported = new HashSet<>();
    for (Page page : form.pages()) {
      visit(page.path(), edges, state, new ArrayList<>(), reported, index);
    }
    return !reported.isEmpty();
  }

  private void visit(String path, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> trail,
      Set<Set<String>> reported, Map<String, Integer> index) {
    Integer current = state.get(path);
    if (current != null && current == 2) {
      return;
    }
    if (current != null && current == 1) {
      List<String> loop = new ArrayList<>(trail.subList(trail.indexOf(path), trail.size()));
      if (reported.add(new HashSet<>(loop))) {
        loop.add(path);
        String from = trail.get(trail.size() - 1);
        problems.add(document.problem("/pages/" + index.get(from) + "/next",
            "routes go round in a loop: " + String.join(" → ", loop)));
      }
      return;
    }
    state.put(path, 1);
    trail.add(path);
    for (String next : edges.getOrDefault(path, Set.of())) {
      visit(next, edges, state, trail, reported, index);
    }
    trail.remove(trail.size() - 1);
    state.put(path, 2);
  }

  private void checkConditionOrder(List<DefinitionReader.ConditionUse> uses, Map<String, String> questionPages,
      Map<String, Set<String>> edges, Map<String, Integer> index) {
    Map<String, Set<String>> reachCache = new HashMap<>();
    for (DefinitionReader.ConditionUse use : uses) {
      for (String question : questionsIn(use.condition(), new LinkedHashSet<>())) {
        String askedOn = questionPages.get(question);
        if (askedOn == null || !index.containsKey(askedOn)) {
          continue;
        }
        boolean samePage = askedOn.equals(use.pagePath());
        if (samePage && use.onRoute()) {
          continue;
        }
        Set<String> after = reachCache.computeIfAbsent(askedOn, from -> reach(from, edges));
        boolean before = !samePage && after.contains(use.pagePath());
        if (!before) {
          problems.add(document.problem(use.pointer(), "uses the answer to '" + question + "', asked on " + askedOn
              + (samePage ? (use.pointer().contains("/content/") ? ", the same page: content can only depend on earlier pages"
                  : ", the same page: whether a page is asked can only depend on earlier pages")
                  : ", which never comes before " + use.pagePath())));
        }
      }
    }
  }

  private static Set<String> questionsIn(Condition condition, Set<String> names) {
    if (condition instanceof Condition.Comparison comparison) {
      names.add(comparison.question());
    } else if (condition instanceof Condition.All all) {
      all.conditions().forEach(part -> questionsIn(part, names));
    } else if (condition instanceof Condition.Any any) {
      any.conditions().forEach(part -> questionsIn(part, names));
    } else if (condition instanceof Condition.Not not) {
      questionsIn(not.condition(), names);
    } else if (condition instanceof Condition.Named named) {
      questionsIn(named.condition(), names);
    }
    return names;
  }
}
