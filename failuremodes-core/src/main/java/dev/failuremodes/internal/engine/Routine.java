package dev.failuremodes.internal.engine;

/**
 * How routine work is described: shipping, scheduling, reviews, infrastructure and office life around machine
 * learning, with nothing going wrong. The text index scores it like a failure mode; an input whose telling words it
 * explains about as well as any mode's text does is read as routine, not as a failure report.
 */
final class Routine {
  private Routine() {}

  static final String TEXT = """
      The model was retrained on the latest data and promoted to production on schedule.
      We deployed the new version behind a feature flag and rolled it out to all users.
      The training job finished overnight and the artifacts were uploaded to the registry.
      The team added a dashboard, wrote documentation and updated the runbook.
      The migration of the feature store to the new cluster is complete.
      Quota was approved and the new GPU machines are available for the project.
      The pipeline now runs every hour and caches intermediate steps.
      Code review for the pull request is done and the unit tests pass.
      We scheduled a meeting with stakeholders to review the roadmap for next quarter.
      The data team onboarded a new engineer and moved to a new office.
      Please update the wiki page with the new configuration and access instructions.
      The annotation vendor contract was renewed and the guidelines were published.
      The model card, the privacy review and the security review were signed off.
      Experiments are tracked, seeds are set, configs are versioned for reproducibility.
      Latency and throughput are within budget and the service is healthy.
      Accuracy is the same as last week and all checks are green.
      We upgraded the library version, refactored the code and cleaned up old notebooks.
      The conference talk was accepted and the blog post was published.
      Monday standup is moved to Tuesday afternoon; lunch is provided.
      The customer renewed the annual plan and sales closed the deal.
      The office network, printer and laptop were fixed by IT support.
      Backups, logging and alert routing were configured for the new account.
      The hackathon, offsite, holiday schedule and team event are planned for next month.
      We exported the report, shared the spreadsheet and sent the invoice.
      The new hire starts next week and needs a laptop, a badge and accounts.
      The release notes, changelog and onboarding guide were updated.
      Storage, compute and cloud costs were reviewed in the monthly budget meeting.
      A competition, a workshop and a reading group were announced for the interns.
      The benchmark results and evaluation notebook were shared with the product team.
      Kicked off a hyperparameter sweep; results are expected tomorrow.
      """;
}
