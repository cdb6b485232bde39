package org.stpkit.forms.spi;

import java.util.Objects;

/**
 * A file a user uploaded and the engine accepted: the answer to a file question is a list of them.
 * The content is in the {@link FileStore} under {@link #id()} while the journey lasts, and in the
 * {@link Submission}'s {@link Submission#fileContents()} when it is sent.
 *
 * @param id the store's random id, never derived from the user's file name
 * @param name the name the user's file had, without any folder: shown back to them, never used as a path
 * @param contentType the media type the engine recognised from the content ({@code application/pdf})
 * @param size in bytes
 * @param sha256 the SHA-256 of the content, in lower-case hex
 */
public record UploadedFile(String id, String name, String contentType, long size, String sha256) {
  public UploadedFile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
  }
}
