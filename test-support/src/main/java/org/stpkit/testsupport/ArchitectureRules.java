package org.stpkit.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

/**
 * The shape every module keeps. Its root package is its API, {@code spi} its extension points and
 * {@code internal} the rest:
 *
 * <ul>
 *   <li>no cycles between the module's packages, its root package included;
 *   <li>the API reaches {@code internal} only through the entry points the module declares, one per
 *       concept (internal code may use the API freely: it implements it);
 *   <li>no module touches another module's {@code internal} packages;
 *   <li>public signatures of the API expose no internal type;
 *   <li>every package is {@code @NullMarked};
 *   <li>the module owns its root package: no other module's classes live under it.
 * </ul>
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "org.stpkit.idam", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.idam")
 *       .entryPoints(PolicyLoader.class, FeedReader.class);
 *   @ArchTest static final ArchRule noCycles = MODULE.noCycles();
 *   ...
 * }
 * }</pre>
 *
 * <p>ArchUnit's {@code slices().matching(root + ".(**)")} never makes the root package a slice (the
 * pattern needs a segment after the root), so cycles through the API went unseen; slices here are
 * assigned by package, the root included.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The rules for the module whose root (API) package is {@code rootPackage}. */
  public static Module module(String rootPackage) {
    return new Module(rootPackage, Set.of());
  }

  /** One module's rules; immutable. */
  public static final class Module {
    private final String root;
    private final Set<String> entryPoints;

    private Module(String root, Set<String> entryPoints) {
      this.root = Objects.requireNonNull(root, "rootPackage");
      this.entryPoints = entryPoints;
    }

    /**
     * The internal classes the API may call, one per concept (a loader, a reader, a format). Their
     * nested classes count as part of them.
     */
    public Module entryPoints(Class<?>... internalClasses) {
      Set<String> names = new LinkedHashSet<>(entryPoints);
      for (Class<?> type : internalClasses) {
        if (!type.getPackageName().startsWith(root + ".") || !isInternal(type.getPackageName())) {
          throw new IllegalArgumentException(type.getName() + " is not an internal class of " + root);
        }
        names.add(type.getName());
      }
      return new Module(root, Set.copyOf(names));
    }

    /** Every rule, for modules that want one field. */
    public List<ArchRule> all() {
      return List.of(noCycles(), apiReachesInternalsOnlyThroughEntryPoints(), noOtherModulesInternals(),
          publicApiExposesNoInternalTypes(), everyPackageNullMarked(), ownsItsRootPackage());
    }

    /** No cycles between the module's packages, the root package included; API → entry point edges aside. */
    public ArchRule noCycles() {
      return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
              return inModule(type) ? SliceIdentifier.of(type.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
              return "the packages of " + root + ", " + root + " itself included";
            }
          })
          .should().beFreeOfCycles()
          // Declared entry points are the one sanctioned way from the API into its internals; the
          // edge back (internal code building API values) is what internals are for.
          .ignoreDependency(new DescribedPredicate<JavaClass>("the module's API") {
            @Override
            public boolean test(JavaClass type) {
              return inModule(type) && !isInternal(type.getPackageName());
            }
          }, new DescribedPredicate<JavaClass>("its declared entry points") {
            @Override
            public boolean test(JavaClass type) {
              return isEntryPoint(type);
            }
          })
          .allowEmptyShould(false)
          .as("no cycles between the packages of " + root + " (its root package included)");
    }

    /** API and SPI classes use internal classes only through the declared entry points. */
    public ArchRule apiReachesInternalsOnlyThroughEntryPoints() {
      return classes().that(inThisModuleOutsideInternal())
          .should(new ArchCondition<JavaClass>("use internal classes only through the entry points " + entryPoints) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
              for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (inModule(target) && isInternal(target.getPackageName()) && !isEntryPoint(target)) {
                  events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                      + " (not a declared entry point)"));
                }
              }
            }
          })
          .allowEmptyShould(false)
          .as("the API of " + root + " reaches internals only through its entry points");
    }

    /** The module touches no other module's {@code internal} packages. */
    public ArchRule noOtherModulesInternals() {
      return classes().that(inThisModule())
          .should(new ArchCondition<JavaClass>("depend on no other STP Kit module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
              for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                if (target.startsWith("org.stpkit.") && isInternal(target) && !inModule(dependency.getTargetClass())) {
                  events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
              }
            }
          })
          .allowEmptyShould(false)
          .as(root + " touches no other module's internals");
    }

    /** Public methods, constructors and fields of public API types name no internal type, generics included. */
    public ArchRule publicApiExposesNoInternalTypes() {
      ArchRule codeUnitsRule = codeUnits().that().arePublic()
          .and().areDeclaredInClassesThat(publicApiClasses())
          .should(new ArchCondition<JavaCodeUnit>("expose no internal types in their signatures") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
              List<JavaType> types = new ArrayList<>(codeUnit.getParameterTypes());
              types.add(codeUnit.getReturnType());
              codeUnit.getThrowsClause().getTypes().forEach(types::add);
              for (JavaType type : types) {
                for (JavaClass involved : type.getAllInvolvedRawTypes()) {
                  if (isInternal(involved.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(codeUnit, codeUnit.getFullName() + " exposes "
                        + involved.getName()));
                  }
                }
              }
            }
          })
          .allowEmptyShould(true);
      ArchRule fieldsRule = fields().that().arePublic()
          .and().areDeclaredInClassesThat(publicApiClasses())
          .should(new ArchCondition<JavaField>("have no internal type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
              for (JavaClass involved : field.getType().getAllInvolvedRawTypes()) {
                if (isInternal(involved.getPackageName())) {
                  events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes " + involved.getName()));
                }
              }
            }
          })
          .allowEmptyShould(true);
      return com.tngtech.archunit.lang.CompositeArchRule.of(codeUnitsRule).and(fieldsRule)
          .as("the public API of " + root + " exposes no internal types");
    }

    /** Every package of the module has a {@code package-info.java} marked {@code @NullMarked}. */
    public ArchRule everyPackageNullMarked() {
      return classes().that(inThisModule())
          .should(new ArchCondition<JavaClass>("be in a package annotated @NullMarked") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
              if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
                events.add(SimpleConditionEvent.violated(type, "package " + type.getPackageName()
                    + " has no package-info.java marked @NullMarked (" + type.getName() + ")"));
              }
            }
          })
          .allowEmptyShould(false)
          .as("every package of " + root + " is @NullMarked");
    }

    /**
     * The module owns its root package: every class under it comes from one code source (this
     * module's classes directory or jar), so no other module's root lies inside this one's.
     */
    public ArchRule ownsItsRootPackage() {
      return classes().that(inThisModule())
          .should(new ArchCondition<JavaClass>("come from one module") {
            private List<JavaClass> all = List.of();

            @Override
            public void init(java.util.Collection<JavaClass> allObjectsToTest) {
              all = List.copyOf(allObjectsToTest);
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
              // Judged over all classes at once, in finish().
            }

            @Override
            public void finish(ConditionEvents events) {
              Set<String> sources = new LinkedHashSet<>();
              all.forEach(type -> codeSource(type).ifPresent(sources::add));
              if (sources.size() > 1) {
                for (JavaClass type : all) {
                  events.add(SimpleConditionEvent.violated(type, type.getName() + " is under " + root
                      + ", whose classes come from " + sources.size() + " places " + sources
                      + "; give each module its own root package (this one is from " + codeSource(type).orElse("?") + ")"));
                }
              }
            }
          })
          .allowEmptyShould(false)
          .as(root + " is the root package of one module only");
    }

    private DescribedPredicate<JavaClass> inThisModule() {
      return new DescribedPredicate<>("are in " + root) {
        @Override
        public boolean test(JavaClass type) {
          return inModule(type);
        }
      };
    }

    private DescribedPredicate<JavaClass> inThisModuleOutsideInternal() {
      return new DescribedPredicate<>("are in " + root + " outside its internal packages") {
        @Override
        public boolean test(JavaClass type) {
          return inModule(type) && !isInternal(type.getPackageName());
        }
      };
    }

    private DescribedPredicate<JavaClass> publicApiClasses() {
      return new DescribedPredicate<>("are public API classes of " + root) {
        @Override
        public boolean test(JavaClass type) {
          return inModule(type) && !isInternal(type.getPackageName())
              && type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC);
        }
      };
    }

    private boolean inModule(JavaClass type) {
      String name = type.getPackageName();
      return name.equals(root) || name.startsWith(root + ".");
    }

    private boolean isEntryPoint(JavaClass type) {
      JavaClass outermost = type;
      while (outermost.getEnclosingClass().isPresent()) {
        outermost = outermost.getEnclosingClass().get();
      }
      return entryPoints.contains(outermost.getName());
    }
  }

  private static boolean isInternal(String packageName) {
    return packageName.endsWith(".internal") || packageName.contains(".internal.");
  }

  /** Where a class was loaded from: its classes directory or jar. */
  private static Optional<String> codeSource(JavaClass type) {
    return type.getSource().map(Source::getUri).map(uri -> {
      String text = uri.toString();
      String file = type.getName().replace('.', '/') + ".class";
      return text.endsWith(file) ? text.substring(0, text.length() - file.length()) : text;
    });
  }
}
