package org.stpkit.cli.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stp idam approver-key --out approver.jwk}: a key pair for an approver. */
@Command(
    name = "approver-key",
    description = {
      "Makes an approver's key pair (EC P-256): the private key goes to --out, readable by you alone; the public"
          + " key is printed, ready for the policy's approvers list."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:the file exists already, or cannot be written"})
final class IdamApproverKeyCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "<file>", description = "Where the private key goes;"
      + " never overwritten.")
  Path out;

  @Option(names = "--name", paramLabel = "<name>", defaultValue = "Your Name",
      description = "The approver's name, for the policy snippet printed.")
  String name;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    return IdamCommand.run(spec, () -> {
      ECKey key;
      try {
        key = new ECKeyGenerator(Curve.P_256).generate();
      } catch (JOSEException e) {
        throw new IdamCommand.UnusableInput("cannot make a key: " + e.getMessage());
      }
      try {
        Files.createFile(out, PosixFilePermissions.asFileAttribute(Set.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        Files.writeString(out, key.toJSONString() + "\n");
      } catch (FileAlreadyExistsException e) {
        throw new IdamCommand.UnusableInput(out + " exists already: a key is never overwritten");
      } catch (IOException | UnsupportedOperationException e) {
        throw new IdamCommand.UnusableInput("cannot write " + out + ": " + e.getMessage());
      }
      spec.commandLine().getOut().println("Private key written to " + out + ". Add the public key to the policy:");
      spec.commandLine().getOut().println("approvers:\n  - name: " + name + "\n    key: " + key.toPublicJWK().toJSONString());
      return IdamCommand.DONE;
    });
  }
}
