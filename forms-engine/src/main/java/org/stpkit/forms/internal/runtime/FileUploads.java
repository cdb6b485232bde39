package org.stpkit.forms.internal.runtime;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stpkit.forms.FileKind;
import org.stpkit.forms.FileRules;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.FormsException;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;
import org.stpkit.forms.spi.FileStore;
import org.stpkit.forms.spi.FileSystemFileStore;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.ScanResult;
import org.stpkit.forms.spi.UploadedFile;
import org.stpkit.forms.spi.VirusScanner;

/**
 * The files of file questions: a post's files checked (how many, empty, too large, of a kind the
 * question accepts, by content), scanned, and stored; the session keeps only what the answer is
 * ({@link StoredFiles}). The journey's files are kept alive while it is, handed to the submission,
 * removed once it is sent, and swept once it has expired.
 */
final class FileUploads {
  private static final Logger LOG = Logger.getLogger(FileUploads.class.getName());
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final boolean inUse;
  private final VirusScanner scanner;
  private final FileStore store;
  private final Duration sessionTimeout;
  private volatile Instant nextSweep = Instant.MIN;

  /**
   * @throws FormsException when the form has a file question and no virus scanner was given
   */
  FileUploads(FormDefinition form, Optional<VirusScanner> scanner, Optional<FileStore> fileStore,
      Duration sessionTimeout) {
    this.inUse = hasFileQuestions(form);
    this.sessionTimeout = sessionTimeout;
    if (inUse && scanner.isEmpty()) {
      throw new FormsException("Form " + form.id() + " has file questions: build its engine with a virusScanner,"
          + " such as ClamAvScanner.at(host, 3310).build() (VirusScanner.acceptingUnscanned() only for prototypes)");
    }
    this.scanner = scanner.orElseGet(VirusScanner::acceptingUnscanned);
    // Only a form with file questions gets a directory of its own.
    this.store = fileStore.orElseGet(() -> inUse ? FileSystemFileStore.inTemporaryDirectory() : UNUSED);
  }

  /** The store of a form without file questions: never asked. */
  private static final FileStore UNUSED = new FileStore() {
    @Override
    public String store(String journeyKey, byte[] content) {
      throw new IllegalStateException("This form has no file questions");
    }

    @Override
    public Optional<byte[]> read(String journeyKey, String fileId) {
      return Optional.empty();
    }

    @Override
    public void delete(String journeyKey, String fileId) {}

    @Override
    public void deleteJourney(String journeyKey) {}

    @Override
    public void touch(String journeyKey, Instant now) {}

    @Override
    public int deleteUntouchedSince(Instant before) {
      return 0;
    }
  };

  static boolean hasFileQuestions(FormDefinition form) {
    return form.pages().stream().flatMap(page -> page.allQuestions().stream())
        .anyMatch(question -> question.type() == QuestionType.FILE);
  }

  /**
   * A file question's answer from a post: the files chosen, checked, scanned and stored (replacing
   * the question's earlier files), or with none chosen the files stored before; or the first error.
   */
  ParsedAnswer receive(Question question, Step step, FormRequest request, FormSession session, AnswerParser parser) {
    Map<String, List<String>> before = session.answers().getOrDefault(step.prefix() + question.name(), Map.of());
    List<FormRequest.FilePart> chosen = request.files().stream()
        .filter(part -> part.field().equals(question.name()))
        .filter(part -> !part.fileName().isEmpty() || part.content().length > 0).toList();
    if (chosen.isEmpty()) {
      return parser.parse(question, before);
    }
    FileErrors errors = new FileErrors(parser, question, before);
    FileRules rules = question.files();
    if (chosen.size() > rules.maxFiles()) {
      return errors.tooMany();
    }
    long total = 0;
    List<FileKind> kinds = new ArrayList<>();
    for (FormRequest.FilePart part : chosen) {
      String name = StoredFiles.cleanName(part.fileName());
      if (part.content().length == 0) {
        return errors.empty(name);
      }
      if (part.content().length > rules.maxFileSize()) {
        return errors.tooLarge(name);
      }
      Optional<FileKind> kind = FileTypes.detect(part.content()).filter(rules.accept()::contains);
      if (kind.isEmpty()) {
        return errors.wrongKind(name);
      }
      kinds.add(kind.get());
      total += part.content().length;
    }
    if (total > rules.maxTotalSize()) {
      return errors.tooLargeInTotal();
    }
    for (FormRequest.FilePart part : chosen) {
      ScanResult result = scan(part.content());
      if (result instanceof ScanResult.Infected infected) {
        LOG.warning("An upload to " + question.name() + " was refused: " + infected.signature() + " found");
        return errors.virus(StoredFiles.cleanName(part.fileName()));
      }
      if (result instanceof ScanResult.Failed failed) {
        LOG.warning("An upload to " + question.name() + " could not be scanned: " + failed.reason());
        return errors.notUploaded(StoredFiles.cleanName(part.fileName()));
      }
    }
    String journeyKey = Tokens.journeyKey(session.id());
    List<UploadedFile> uploaded = new ArrayList<>();
    try {
      for (int i = 0; i < chosen.size(); i++) {
        byte[] content = chosen.get(i).content();
        String id = store.store(journeyKey, content);
        uploaded.add(new UploadedFile(id, StoredFiles.cleanName(chosen.get(i).fileName()), kinds.get(i).contentType(),
            content.length, sha256(content)));
      }
      // The question's earlier files are replaced: the new ones are its answer now.
      StoredFiles.decode(before).forEach(old -> store.delete(journeyKey, old.id()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An upload to " + question.name() + " could not be stored", e);
      uploaded.forEach(file -> deleteQuietly(journeyKey, file.id()));
      return errors.notUploaded(StoredFiles.cleanName(chosen.get(0).fileName()));
    }
    return parser.parse(question, StoredFiles.encode(question, uploaded));
  }

  /**
   * A post of files too large for the adapter to read: the page again with the size error on its file
   * question, or the 413 page for a page without one. Nothing is changed.
   */
  FormResponse tooLargeToRead(Journey journey, Pages pages, AnswerParser parser, String path, FormSession session,
      boolean changing, Optional<String> newSessionId) {
    Journey.State state = journey.walk(session);
    Optional<Step> step = journey.step(path).filter(found -> state.mayVisit(found.path()));
    Optional<Question> file = step.flatMap(found -> found.page().questions().stream()
        .filter(question -> question.type() == QuestionType.FILE).findFirst());
    if (file.isEmpty()) {
      return pages.message(MessagePage.TOO_LARGE, MessagePage.TOO_LARGE.status, path, newSessionId);
    }
    FieldError error = new FileErrors(parser, file.get(), Map.of()).tooLargeToRead().error().orElseThrow();
    return pages.questionPage(step.get(), session, state, JourneyFlow.storedFields(step.get(), session),
        Map.of(file.get().name(), error), changing, newSessionId);
  }

  /** The content of every uploaded file among the answers, by id, for the submission. */
  Map<String, byte[]> contents(FormSession session, Map<String, Object> answers) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    if (!inUse) {
      return contents;
    }
    String journeyKey = Tokens.journeyKey(session.id());
    for (UploadedFile file : StoredFiles.in(answers)) {
      contents.put(file.id(), store.read(journeyKey, file.id()).orElseThrow(() -> new FormsException(
          "Upload " + file.id() + " of this journey is no longer in the file store")));
    }
    return contents;
  }

  /** The journey was sent: its files go. */
  void ended(FormSession session) {
    if (inUse) {
      try {
        store.deleteJourney(Tokens.journeyKey(session.id()));
      } catch (RuntimeException e) {
        // Sent is sent; the sweep removes them once the journey would have expired.
        LOG.log(Level.WARNING, "The uploads of a sent journey could not be removed now", e);
      }
    }
  }

  /** A request of a live journey: its files are kept as long as it is; those of expired journeys go. */
  void keepAlive(FormSession session, Instant now) {
    if (!inUse) {
      return;
    }
    try {
      store.touch(Tokens.journeyKey(session.id()), now);
      if (now.isAfter(nextSweep)) {
        nextSweep = now.plus(SWEEP_EVERY);
        int swept = store.deleteUntouchedSince(now.minus(sessionTimeout).minus(SWEEP_EVERY));
        if (swept > 0) {
          LOG.fine("Removed the uploads of " + swept + " expired journeys");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The file store could not keep or sweep uploads", e);
    }
  }

  private ScanResult scan(byte[] content) {
    try {
      return scanner.scan(content);
    } catch (RuntimeException e) {
      return ScanResult.failed(String.valueOf(e));
    }
  }

  private void deleteQuietly(String journeyKey, String id) {
    try {
      store.delete(journeyKey, id);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not remove a partly stored upload", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
