package org.stpkit.notifyrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientsTest {
  @ParameterizedTest
  @CsvSource({
      "'+44 7700 900 123', 07700900123",
      "'(07700) 900-123', 07700900123",
      "447700900123, 07700900123",
      "00447700900123, 07700900123",
      "7700900123, 07700900123"})
  void ukMobilesAreNormalised(String number, String normalised) {
    assertThat(Recipients.ukMobile(number).value()).hasValue(normalised);
  }

  @ParameterizedTest
  @CsvSource({
      "07700 9OO 123, PHONE_LETTERS_OR_SYMBOLS",
      "01632 960 001, PHONE_NOT_UK_MOBILE",
      "077009001234, PHONE_TOO_MANY_DIGITS",
      "0770090012, PHONE_NOT_ENOUGH_DIGITS"})
  void phoneRefusalsUseNotifysReasons(String number, Refusal refusal) {
    assertThat(Recipients.ukMobile(number).refusal()).hasValue(refusal);
  }

  @Test
  void emailsAreStrippedAndChecked() {
    assertThat(Recipients.email(" Jo@Example.com ").value()).hasValue("Jo@Example.com");
    assertThat(Recipients.email("jo@example").refusal()).hasValue(Refusal.EMAIL_INVALID);
    assertThat(Recipients.email("jo..smith@example.com").refusal()).hasValue(Refusal.EMAIL_INVALID);
    assertThat(Refusal.EMAIL_INVALID.notifyMessage()).isEqualTo("Not a valid email address");
  }

  @Test
  void letterAddressesNeedThreeToSevenLinesEndingInAPostcodeOrACountry() {
    assertThat(Recipients.letterAddress(List.of("Jo Bloggs", " 1 High Street ", "", "sw1a1aa")).value())
        .hasValue(List.of("Jo Bloggs", "1 High Street", "SW1A 1AA"));
    assertThat(Recipients.letterAddress(List.of("Jo", "SW1A 1AA")).refusal()).hasValue(Refusal.ADDRESS_TOO_FEW_LINES);
    assertThat(Recipients.letterAddress(List.of("1", "2", "3", "4", "5", "6", "7", "SW1A 1AA")).refusal())
        .hasValue(Refusal.ADDRESS_TOO_MANY_LINES);
    assertThat(Recipients.letterAddress(List.of("Jo", "1 Rue", "Nowhere")).refusal()).hasValue(Refusal.ADDRESS_LAST_LINE);
    assertThat(Recipients.letterAddress(List.of("Jo", "1 Rue de la Paix", "Côte d'Ivoire")).isValid()).isTrue();
    assertThat(Recipients.isUkAddress(List.of("Jo", "1 High Street", "SW1A 1AA"))).isTrue();
    assertThat(Recipients.isUkAddress(List.of("Jo", "1 Rue", "France"))).isFalse();
  }

  @Test
  void filesFollowNotifysLimits() {
    assertThat(EmailFiles.check("decision.pdf", 1000, 26).isValid()).isTrue();
    assertThat(EmailFiles.check("decision", 1000, 26).refusal()).hasValue(Refusal.FILE_NAME);
    assertThat(EmailFiles.check("decision.exe", 1000, 26).refusal()).hasValue(Refusal.FILE_TYPE);
    assertThat(EmailFiles.check("decision.pdf", EmailFiles.MAX_BYTES + 1, 26).refusal()).hasValue(Refusal.FILE_TOO_LARGE);
    assertThat(EmailFiles.check("decision.pdf", 1000, 79).refusal()).hasValue(Refusal.RETENTION_PERIOD);
    assertThat(EmailFiles.retentionPeriod(1)).isEqualTo("1 week");
    assertThat(EmailFiles.retentionPeriod(26)).isEqualTo("26 weeks");
  }

  @Test
  void postageSuitsTheAddress() {
    assertThat(Postage.REST_OF_WORLD.apiName()).isEqualTo("rest-of-world");
    assertThat(Postage.fromApiName("economy")).hasValue(Postage.ECONOMY);
    assertThat(Postage.SECOND.suits(true)).isTrue();
    assertThat(Postage.SECOND.suits(false)).isFalse();
    assertThat(Postage.EUROPE.suits(false)).isTrue();
  }
}
