package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.forms.spi.ClamAvScanner;
import org.stpkit.forms.spi.FileSystemFileStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.UploadedFile;
import org.stpkit.testsupport.MovableClock;

/**
 * The upload sample's journey through the engine: files checked by content and size, scanned by a
 * ClamAV-protocol daemon (a stub on a real socket), kept in a directory, listed on check your
 * answers, handed to the submission and removed once it is sent or the journey expires.
 */
class FileUploadJourneyTest {
  private final List<Submission> sent = new CopyOnWriteArrayList<>();
  private final MovableClock clock = MovableClock.at(Instant.now());
  private StubClamd clamd;
  private FormEngine engine;
  private JourneyDriver browser;

  @TempDir
  Path uploads;

  @BeforeEach
  void start() throws Exception {
    clamd = new StubClamd();
    engine = FormEngine.builder(FormDefinitions.load(Path.of("samples/upload.yaml")))
        .virusScanner(ClamAvScanner.at("127.0.0.1", clamd.port()).build())
        .fileStore(FileSystemFileStore.in(uploads))
        .answerStore(new InMemoryAnswerStore(clock))
        .clock(clock)
        .submissionHandler(sent::add)
        .build();
    browser = new JourneyDriver(engine, "");
    browser.get("/");
    browser.post("/name", "reporterName-given", "Jo", "reporterName-family", "Bloggs");
  }

  @AfterEach
  void stop() throws Exception {
    clamd.close();
  }

  private static FormRequest.FilePart file(String field, String name, byte[] content) {
    return new FormRequest.FilePart(field, name, content);
  }

  private String errorOf(JourneyDriver.Shown page) {
    assertThat(page.title()).matches("(Error|Gwall): .*");
    return page.html().select(".govuk-error-summary__list a").text();
  }

  @Test
  void aPhotoAndEvidenceAreListedOnCheckYourAnswersAndHandedToTheSubmissionWithTheirContent() throws Exception {
    byte[] photo = SampleFiles.png();
    JourneyDriver.Shown next = browser.postFiles("/photo", List.of(file("photo", "river.png", photo)));
    assertThat(next.path()).isEqualTo("/evidence");
    assertThat(clamd.commands()).containsExactly("zINSTREAM");
    browser.postFiles("/evidence", List.of(file("evidence", "report.pdf", SampleFiles.pdf()),
        file("evidence", "C:\\Users\\jo\\statement.docx", SampleFiles.docx())));
    JourneyDriver.Shown check = browser.postFiles("/permit", List.of(file("permit", "", new byte[0])));
    assertThat(check.path()).as("an optional file question left empty").isEqualTo("/check-answers");

    assertThat(check.html().select(".govuk-summary-list__row").eachText()).anySatisfy(row -> assertThat(row)
        .isEqualTo("Upload a photo of the pollution river.png, " + size(photo) + " Change Upload a photo of the pollution"));
    assertThat(check.text()).contains("report.pdf, " + size(SampleFiles.pdf()) + " statement.docx, "
        + size(SampleFiles.docx()) + " Change your evidence");
    assertThat(check.html().select(".govuk-summary-list__row a").eachAttr("href")).contains("/photo?returnTo=check-answers");
    assertThat(storedFiles()).hasSize(3);

    browser.post("/check-answers");
    Submission submission = sent.get(0);
    @SuppressWarnings("unchecked")
    List<UploadedFile> photos = (List<UploadedFile>) submission.answers().get("photo");
    assertThat(photos).singleElement().satisfies(uploaded -> {
      assertThat(uploaded.name()).isEqualTo("river.png");
      assertThat(uploaded.contentType()).isEqualTo("image/png");
      assertThat(uploaded.size()).isEqualTo(photo.length);
      assertThat(uploaded.sha256()).isEqualTo(HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
      assertThat(uploaded.id()).doesNotContain("river");
      assertThat(submission.fileContents().get(uploaded.id())).isEqualTo(photo);
    });
    @SuppressWarnings("unchecked")
    List<UploadedFile> evidence = (List<UploadedFile>) submission.answers().get("evidence");
    assertThat(evidence).extracting(UploadedFile::name, UploadedFile::contentType).containsExactly(
        org.assertj.core.groups.Tuple.tuple("report.pdf", "application/pdf"),
        org.assertj.core.groups.Tuple.tuple("statement.docx", FileKind.DOCX.contentType()));
    assertThat(submission.fileContents()).hasSize(3);
    assertThat(submission.answers()).doesNotContainKey("permit");
    assertThat(storedFiles()).as("the journey's files go once it is sent").isEmpty();
  }

  @Test
  void eachWrongFileGetsGovukErrorAndNothingIsKept() throws Exception {
    assertThat(errorOf(browser.postFiles("/photo", List.of(file("photo", "", new byte[0])))))
        .isEqualTo("Select a photo of the pollution");
    assertThat(errorOf(browser.postFiles("/photo", List.of(file("photo", "river.png", new byte[0])))))
        .isEqualTo("The selected file is empty");
    assertThat(errorOf(browser.postFiles("/photo", List.of(file("photo", "river.pdf", SampleFiles.pdf())))))
        .isEqualTo("The selected file must be a JPG or PNG");
    assertThat(errorOf(browser.postFiles("/photo", List.of(file("photo", "river.png",
        "text, though named .png".getBytes(StandardCharsets.UTF_8)))))).as("the name is not asked")
        .isEqualTo("The selected file must be a JPG or PNG");
    byte[] large = java.util.Arrays.copyOf(SampleFiles.png(), 5 * 1024 * 1024 + 1);
    assertThat(errorOf(browser.postFiles("/photo", List.of(file("photo", "river.png", large)))))
        .isEqualTo("The selected file must be smaller than 5MB");
    byte[] infected = java.util.Arrays.copyOf(SampleFiles.jpeg(), SampleFiles.jpeg().length + SampleFiles.EICAR.length());
    System.arraycopy(SampleFiles.EICAR.getBytes(StandardCharsets.US_ASCII), 0, infected, SampleFiles.jpeg().length,
        SampleFiles.EICAR.length());
    JourneyDriver.Shown virus = browser.postFiles("/photo", List.of(file("photo", "river.jpg", infected)));
    assertThat(errorOf(virus)).isEqualTo("The selected file contains a virus");
    assertThat(virus.html().select("#photo-error").text()).isEqualTo("Error: The selected file contains a virus");
    assertThat(virus.html().select("form").attr("enctype")).isEqualTo("multipart/form-data");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void severalFilesAreLimitedInNumberAndInTotalAndNamedInTheirErrors() throws Exception {
    browser.postFiles("/photo", List.of(file("photo", "river.png", SampleFiles.png())));
    FormRequest.FilePart pdf = file("evidence", "report.pdf", SampleFiles.pdf());
    assertThat(errorOf(browser.postFiles("/evidence", List.of(pdf, pdf, pdf, pdf))))
        .isEqualTo("You can only select up to 3 files at the same time");
    byte[] fourAndAHalf = SampleFiles.pdfOfSize(4 * 1024 * 1024 + 512 * 1024);
    assertThat(errorOf(browser.postFiles("/evidence", List.of(file("evidence", "a.pdf", fourAndAHalf),
        file("evidence", "b.pdf", fourAndAHalf))))).isEqualTo("The selected files must be smaller than 8MB in total");
    assertThat(errorOf(browser.postFiles("/evidence", List.of(pdf, file("evidence", "notes.txt",
        "notes".getBytes(StandardCharsets.UTF_8)))))).isEqualTo("notes.txt must be a PDF, JPG, PNG or DOCX");
    assertThat(errorOf(browser.postFiles("/evidence", List.of()))).isEqualTo("Select your evidence");
    assertThat(storedFiles()).as("only the photo").hasSize(1);
  }

  @Test
  void aScannerThatIsDownMeansTryAgainNotAFailure() throws Exception {
    clamd.stop();
    JourneyDriver.Shown page = browser.postFiles("/photo", List.of(file("photo", "river.png", SampleFiles.png())));
    assertThat(page.status()).isEqualTo(200);
    assertThat(errorOf(page)).isEqualTo("The selected file could not be uploaded – try again");
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aChangeWithoutANewFileKeepsTheFileAndANewFileReplacesIt() throws Exception {
    browser.postFiles("/photo", List.of(file("photo", "river.png", SampleFiles.png())));
    browser.postFiles("/evidence", List.of(file("evidence", "report.pdf", SampleFiles.pdf())));
    browser.postFiles("/permit", List.of());
    JourneyDriver.Shown change = browser.get("/photo?returnTo=check-answers");
    assertThat(change.html().select("#photo-hint").text()).isEqualTo(
        "A JPG or PNG, smaller than 5MB. Uploaded: river.png, " + size(SampleFiles.png()) + ". Choose a file to replace it.");
    assertThat(browser.postFiles("/photo", List.of(), "returnTo", "check-answers").path()).isEqualTo("/check-answers");
    List<Path> before = storedFiles();
    JourneyDriver.Shown replaced = browser.postFiles("/photo", List.of(file("photo", "bank.jpg", SampleFiles.jpeg())),
        "returnTo", "check-answers");
    assertThat(replaced.text()).contains("bank.jpg").doesNotContain("river.png");
    assertThat(storedFiles()).hasSize(2).containsAnyElementsOf(before);
    assertThat(before.stream().filter(Files::exists)).as("the photo replaced is removed, the evidence kept").hasSize(1);
  }

  @Test
  void aPostTooLargeToReadShowsTheSizeErrorOnTheFileQuestionAndChangesNothing() {
    JourneyDriver.Shown page = followed(engine.handle(FormRequest.uploadTooLarge("/photo", Map.of(), browser.sessionId())));
    assertThat(page.status()).isEqualTo(200);
    assertThat(errorOf(page)).isEqualTo("The selected file must be smaller than 5MB");
    JourneyDriver.Shown elsewhere = followed(engine.handle(FormRequest.uploadTooLarge("/name", Map.of(), browser.sessionId())));
    assertThat(elsewhere.status()).as("a page without a file question").isEqualTo(413);
  }

  @Test
  void theFilesOfAJourneyThatExpiredAreSweptOnALaterRequest() throws Exception {
    browser.postFiles("/photo", List.of(file("photo", "river.png", SampleFiles.png())));
    assertThat(storedFiles()).hasSize(1);
    clock.advance(Duration.ofMinutes(62));
    JourneyDriver someoneElse = new JourneyDriver(engine, "");
    someoneElse.get("/");
    assertThat(storedFiles()).isEmpty();
    try (Stream<Path> folders = Files.list(uploads)) {
      assertThat(folders).isEmpty();
    }
  }

  @Test
  void theErrorsAreInWelshInAWelshJourney(@TempDir Path folder) throws Exception {
    Path definition = folder.resolve("welsh-upload.yaml");
    Files.writeString(definition, String.join("\n",
        "id: welsh-upload",
        "title: {en: Send a photo, cy: Anfon llun}",
        "languages: [en, cy]",
        "pages:",
        "  - path: /photo",
        "    questions:",
        "      - type: file",
        "        name: photo",
        "        label: {en: Upload a photo, cy: Uwchlwythwch lun}",
        "        errorName: {en: a photo, cy: lun}",
        "        accept: [jpeg, png]",
        ""));
    FormEngine welsh = FormEngine.builder(FormDefinitions.load(definition))
        .virusScanner(ClamAvScanner.at("127.0.0.1", clamd.port()).build())
        .fileStore(FileSystemFileStore.in(uploads))
        .submissionHandler(sent::add).build();
    JourneyDriver cymraeg = new JourneyDriver(welsh, "");
    cymraeg.get("/photo?lang=cy");
    assertThat(errorOf(cymraeg.postFiles("/photo", List.of()))).isEqualTo("Dewiswch lun");
    assertThat(errorOf(cymraeg.postFiles("/photo", List.of(file("photo", "llun.pdf", SampleFiles.pdf())))))
        .isEqualTo("Rhaid i’r ffeil a ddewiswyd fod yn JPG neu PNG");
    assertThat(errorOf(cymraeg.postFiles("/photo", List.of(file("photo", "llun.png", new byte[0])))))
        .isEqualTo("Mae’r ffeil a ddewiswyd yn wag");
    assertThat(cymraeg.postFiles("/photo", List.of(file("photo", "llun.png", SampleFiles.png()))).path())
        .isEqualTo("/check-answers");
    assertThat(cymraeg.get("/check-answers").text()).contains("llun.png, ").doesNotContain("bytes");
  }

  @Test
  void aFormWithFileQuestionsNeedsAVirusScanner() throws Exception {
    FormDefinition form = FormDefinitions.load(Path.of("samples/upload.yaml"));
    assertThatThrownBy(() -> FormEngine.builder(form).submissionHandler(sent::add).build())
        .isInstanceOf(FormsException.class).hasMessageContaining("virusScanner");
  }

  private JourneyDriver.Shown followed(FormResponse response) {
    FormResponse.Page page = (FormResponse.Page) response;
    return new JourneyDriver.Shown(page.status(), "", org.jsoup.Jsoup.parse(page.html()), List.of());
  }

  private List<Path> storedFiles() throws Exception {
    try (Stream<Path> files = Files.walk(uploads)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static String size(byte[] content) {
    return content.length >= 1024
        ? new java.math.BigDecimal(content.length).divide(new java.math.BigDecimal(1024), 1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString() + "KB"
        : content.length + " bytes";
  }
}
