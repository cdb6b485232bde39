package org.stpkit.cli.internal.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stpkit.templates.GovukAssets;

/**
 * govuk-frontend's CSS, JavaScript, fonts and images for the static site, taken from the templates
 * jar through {@link GovukAssets} (the one home of the assets; {@code stp docs} serves them with
 * the kit's asset servlet instead).
 */
final class GovukAssetFiles {
  private GovukAssetFiles() {}

  /** Every asset by its path under {@code assets/}. */
  static Map<String, byte[]> all() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String path : list()) {
      GovukAssets.find(path).ifPresent(asset -> files.put(path, content(asset)));
    }
    return files;
  }

  /**
   * govuk-frontend's CSS names its fonts and images from the server's root ({@code /assets/...}).
   * The static site may be opened from a file or served below a path, so its copy names them
   * relative to the stylesheet, which sits beside them.
   */
  private static byte[] content(GovukAssets.Asset asset) {
    if (!asset.path().endsWith(".css")) {
      return asset.content();
    }
    String css = new String(asset.content(), StandardCharsets.UTF_8);
    return css.replace("url(/assets/", "url(").getBytes(StandardCharsets.UTF_8);
  }

  /** The assets folder's files, whether the templates are a jar or a folder of classes. */
  private static List<String> list() {
    URL stylesheet = GovukAssets.class.getClassLoader().getResource(GovukAssets.CLASSPATH_ROOT + "/" + GovukAssets.STYLESHEET);
    if (stylesheet == null) {
      throw new IllegalStateException("govuk-frontend's assets are missing from the classpath (" + GovukAssets.CLASSPATH_ROOT + ")");
    }
    try {
      URI uri = stylesheet.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem jar;
        try {
          jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          jar = FileSystems.getFileSystem(uri);
        }
        return walk(jar.getPath("/" + GovukAssets.CLASSPATH_ROOT));
      }
      return walk(Path.of(uri).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the assets: " + stylesheet, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the assets", e);
    }
  }

  private static List<String> walk(Path folder) throws IOException {
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile).forEach(file -> paths.add(folder.relativize(file).toString().replace('\\', '/')));
    }
    paths.sort(null);
    return paths;
  }
}
