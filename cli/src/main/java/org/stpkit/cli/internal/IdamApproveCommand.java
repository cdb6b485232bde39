package org.stpkit.cli.internal;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.Approval;
import org.stpkit.idam.Approver;
import org.stpkit.idam.ReviewedPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stp idam approve plan.json --key approver.jwk}: a second person signs a reviewed plan. */
@Command(
    name = "approve",
    description = {
      "Signs a reviewed plan (from stp idam plan --out) with an approver's private key, adding the approval to"
          + " the plan file.",
      "stp idam apply --plan accepts a plan over the policy's thresholds only with an approval by a key in the"
          + " policy's approvers. The approval covers that plan only: a plan made again needs its own."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:approved; the plan file now carries the approval",
      "2:the plan or the key cannot be read, the plan was changed after it was made, or (with --policy) the key"
          + " is not one of the policy's approvers"
    })
final class IdamApproveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<plan file>", description = "The plan written by stp idam plan --out.")
  Path plan;

  @Option(names = "--key", required = true, paramLabel = "<file>",
      description = "The approver's private key as a JWK (from stp idam approver-key). Keep it to yourself.")
  Path key;

  @Option(names = "--policy", paramLabel = "<file>",
      description = "The access policy: when given, the key must be one of its approvers.")
  @Nullable Path policy;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.run(spec, () -> {
      ReviewedPlan reviewed = ReviewedPlan.read(plan);
      JWK privateKey = readKey(key);
      Optional<Approver> approver = Optional.empty();
      if (policy != null) {
        String keyId = Approver.thumbprintOf(privateKey);
        approver = AccessPolicy.load(policy).approvers().stream().filter(a -> a.keyId().equals(keyId)).findFirst();
        if (approver.isEmpty()) {
          throw new IdamCommand.UnusableInput("the key " + key + " is not one of the approvers in " + policy);
        }
      }
      Approval approval = Approval.sign(reviewed.digest(), privateKey, Instant.now());
      IdamCommand.write(plan, reviewed.with(approval).toJson());
      spec.commandLine().getOut().println("Approved plan " + reviewed.digest().substring(0, 12) + " for "
          + reviewed.basis().day() + approver.map(a -> " as " + a.name()).orElse("") + " (key "
          + approval.keyId().orElse("?") + "); the approval is in " + plan);
      if (!reviewed.breaches().isEmpty()) {
        spec.commandLine().getOut().println("It approves these changes over the policy's thresholds:");
        reviewed.breaches().forEach(breach -> spec.commandLine().getOut().println("  " + breach));
      }
      return IdamCommand.DONE;
    });
  }

  static JWK readKey(Path file) {
    try {
      return JWK.parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IdamCommand.UnusableInput("there is no key file at " + file);
    } catch (IOException e) {
      throw new IdamCommand.UnusableInput("cannot read the key file " + file + ": " + e.getMessage());
    } catch (ParseException e) {
      throw new IdamCommand.UnusableInput(file + " is not a JWK: " + e.getMessage());
    }
  }
}
