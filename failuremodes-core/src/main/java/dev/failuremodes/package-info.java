/**
 * The failuremodes API: a curated catalog of machine-learning failure modes and the queries over it.
 *
 * <p>{@link dev.failuremodes.FailureModes} is the entry point. Everything in this package is public API and
 * follows semantic versioning; packages named {@code internal} are not API and may change in any release.
 *
 * <p>Value types ({@link dev.failuremodes.Symptom}, {@link dev.failuremodes.FailureMode}, ...) are immutable, their
 * collections are never null (empty means none), and they check their invariants when built.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {
      "alias:aliases",
      "fix:fixes",
      "caseStudy:caseStudies",
      "mechanism:mechanisms",
      "detection:detection",
      "related:related",
      "presentation:presentations",
      "checklist:checklist"
    },
    defaults = @Value.Immutable(copy = false),
    privateNoargConstructor = false)
package dev.failuremodes;

import org.immutables.value.Value;
