package vn.gov.sct.onestop.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The model files of the modellers' {@code processes/} folder, read from the classpath: BPMN, DMN and
 * Camunda Forms, grouped by their top folder ({@code common}, {@code promotion-registration}, ...).
 * Every BPMN file is parsed and checked on load; errors name the file and the element.
 */
public final class ProcessModels {

  static final String ROOT = "processes/";
  private static final List<String> EXTENSIONS = List.of("bpmn", "dmn", "form");

  /** A file of the folder: its path below {@code processes/} and its bytes. */
  public record ModelFile(String path, byte[] content) {
    public String folder() {
      int slash = path.indexOf('/');
      return slash < 0 ? "" : path.substring(0, slash);
    }
  }

  private final Map<String, List<ModelFile>> byFolder;
  private final Set<String> processIds;

  private ProcessModels(Map<String, List<ModelFile>> byFolder, Set<String> processIds) {
    this.byFolder = byFolder;
    this.processIds = processIds;
  }

  public static ProcessModels fromClasspath() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<ModelFile> files = new ArrayList<>();
    try {
      for (String ext : EXTENSIONS) {
        for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**/*." + ext)) {
          String url = resource.getURL().toString();
          String path = url.substring(url.lastIndexOf("/" + ROOT) + ROOT.length() + 1);
          files.add(new ModelFile(path, resource.getContentAsByteArray()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models under classpath:" + ROOT, e);
    }
    return of(files);
  }

  public static ProcessModels of(Collection<ModelFile> files) {
    Map<String, List<ModelFile>> byFolder = new TreeMap<>();
    Set<String> ids = new TreeSet<>();
    for (ModelFile file : files) {
      if (file.path().endsWith(".bpmn")) {
        ids.addAll(check(file));
      }
      byFolder.computeIfAbsent(file.folder(), f -> new ArrayList<>()).add(file);
    }
    byFolder.values().forEach(list -> list.sort((a, b) -> a.path().compareTo(b.path())));
    return new ProcessModels(byFolder, ids);
  }

  /** Parses one BPMN file and returns its executable process ids. */
  static Set<String> check(ModelFile file) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (ModelException e) {
      throw new ModelCheckException(ROOT + file.path() + ": not a valid BPMN file: " + rootMessage(e), e);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
        throw new ModelCheckException(ROOT + file.path() + ": user task '" + task.getId()
            + "' names no candidate group (camunda:candidateGroups)");
      }
      if (isBlank(task.getCamundaCandidateGroups())) {
        throw new ModelCheckException(ROOT + file.path() + ": user task '" + task.getId()
            + "' has an assignee but no candidate group; every task belongs to a division");
      }
    }
    Set<String> ids = new TreeSet<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        ids.add(process.getId());
      }
    }
    return ids;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e.getMessage() : t.getMessage();
  }

  public Map<String, List<ModelFile>> byFolder() {
    return byFolder;
  }

  public Set<String> processIds() {
    return processIds;
  }
}
