package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model under processes/ has its picture in docs/images/models/ (rendered by tools/pictures), and the README's
 * section for modellers shows it: a new model without a picture fails here, naming the command that makes it.
 */
class ModelPicturesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path PICTURES = Path.of("docs", "images", "models");

  @Test
  void everyModelHasAPictureThatTheReadmeShows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<Path> models;
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    for (Path model : models) {
      String folder = model.getParent().getFileName().toString();
      String name = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
      Path picture = PICTURES.resolve((name.equals(folder) ? name : folder + "-" + name) + ".png");
      assertThat(picture).as("%s: run npm run render --prefix tools/pictures", model).isRegularFile();
      byte[] head = Files.readAllBytes(picture);
      assertThat(head).as("%s is a PNG", picture).startsWith(0x89, 'P', 'N', 'G');
      assertThat(readme).as("the README shows %s", picture).contains("(" + picture.toString().replace('\\', '/') + ")");
    }
  }
}
