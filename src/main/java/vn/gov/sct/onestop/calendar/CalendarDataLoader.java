package vn.gov.sct.onestop.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the year files {@code vn-YYYY.yaml}: first those shipped in the classpath folder {@code
 * calendar/}, then those of an optional folder configured by an administrator, whose files add
 * years or replace a shipped year of the same number, so the calendar is extended without a
 * rebuild.
 *
 * <p>Every file is validated; an error is a {@link CalendarDataException} naming the file and the
 * line. Rejected: malformed YAML; a missing, empty or unknown field; a year differing from the file
 * name; a date that is invalid or outside the file's year; an unknown kind; the same date listed
 * twice, whatever the kinds (a repeated line is always a slip, and with conflicting kinds the
 * intended one cannot be told); a WORKING entry on a weekday (weekdays are worked anyway). A HOLIDAY
 * on a weekend is allowed: it is simply a day off anyway.
 */
public final class CalendarDataLoader {

  /** The classpath folder of the shipped year files. */
  public static final String CLASSPATH_FOLDER = "calendar/";

  private static final Pattern FILE_NAME = Pattern.compile("vn-(\\d{4})\\.yaml");
  private static final Set<String> ROOT_KEYS = Set.of("year", "entries");
  private static final Set<String> ENTRY_KEYS = Set.of("date", "kind", "name", "source");

  private final Path dataDir;

  /**
   * @param dataDir the administrator's folder of year files, or null for the shipped files only
   */
  public CalendarDataLoader(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** All years, shipped files first, then the folder's files replacing or adding years. */
  public SortedMap<Integer, CalendarYear> load() {
    SortedMap<Integer, CalendarYear> years = new TreeMap<>(loadClasspath());
    if (dataDir != null) {
      years.putAll(loadFolder(dataDir));
    }
    return years;
  }

  private Map<Integer, CalendarYear> loadClasspath() {
    Resource[] resources;
    try {
      resources =
          new PathMatchingResourcePatternResolver(CalendarDataLoader.class.getClassLoader())
              .getResources("classpath*:" + CLASSPATH_FOLDER + "vn-*.yaml");
    } catch (IOException e) {
      throw new CalendarDataException("Cannot list classpath:" + CLASSPATH_FOLDER, e);
    }
    Map<Integer, CalendarYear> years = new HashMap<>();
    for (Resource resource : resources) {
      String origin = "classpath:" + CLASSPATH_FOLDER + resource.getFilename();
      try (InputStream in = resource.getInputStream()) {
        add(years, parse(origin, resource.getFilename(), in));
      } catch (IOException e) {
        throw new CalendarDataException(origin + ": cannot be read", e);
      }
    }
    return years;
  }

  private static Map<Integer, CalendarYear> loadFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CalendarDataException(
          "The calendar data folder "
              + folder.toAbsolutePath()
              + " (onestop.calendar.data-dir) does not exist or is not a folder");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.filter(p -> p.getFileName().toString().matches("vn-.*\\.yaml"))
              .sorted(Comparator.comparing(Path::toString))
              .toList();
    } catch (IOException e) {
      throw new CalendarDataException("Cannot list " + folder.toAbsolutePath(), e);
    }
    Map<Integer, CalendarYear> years = new HashMap<>();
    for (Path file : files) {
      String origin = file.toAbsolutePath().toString();
      try (InputStream in = Files.newInputStream(file)) {
        add(years, parse(origin, file.getFileName().toString(), in));
      } catch (IOException e) {
        throw new CalendarDataException(origin + ": cannot be read", e);
      }
    }
    return years;
  }

  private static void add(Map<Integer, CalendarYear> years, CalendarYear year) {
    CalendarYear before = years.put(year.year(), year);
    if (before != null) {
      throw new CalendarDataException(
          "Year " + year.year() + " is given twice: " + before.origin() + " and " + year.origin());
    }
  }

  /**
   * Reads and validates one year file.
   *
   * @param origin where the text comes from, for messages
   * @param fileName the file's name, which must be {@code vn-YYYY.yaml}
   */
  public static CalendarYear parse(String origin, String fileName, InputStream in) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      throw new CalendarDataException(
          origin + ": the file name must be vn-YYYY.yaml, e.g. vn-2026.yaml");
    }
    int fileYear = Integer.parseInt(m.group(1));
    Node root;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark != null ? origin + ":" + (mark.getLine() + 1) : origin;
      throw new CalendarDataException(
          where + ": malformed YAML: " + e.getProblem() + oneLine(e.getContext()), e);
    } catch (YAMLException | IOException e) {
      throw new CalendarDataException(origin + ": malformed YAML: " + e.getMessage(), e);
    }
    return new FileParser(origin, fileYear).year(root);
  }

  private static String oneLine(String context) {
    return context == null ? "" : " (" + context + ")";
  }

  /** Turns the node tree of one file into a {@link CalendarYear}, checking as it goes. */
  private static final class FileParser {
    private final String origin;
    private final int fileYear;

    FileParser(String origin, int fileYear) {
      this.origin = origin;
      this.fileYear = fileYear;
    }

    CalendarYear year(Node root) {
      if (root == null) {
        throw new CalendarDataException(origin + ":1: the file is empty");
      }
      MappingNode map = mapping(root, "the file");
      Map<String, NodeTuple> fields = fields(map, ROOT_KEYS, "the file");
      int year = yearField(fields.get("year"), map);
      if (year != fileYear) {
        throw error(
            fields.get("year").getValueNode(),
            "year " + year + " does not match the file name " + CalendarYear.fileName(fileYear));
      }
      NodeTuple entriesTuple = required(fields, "entries", map);
      Node entriesNode = entriesTuple.getValueNode();
      List<CalendarEntry> entries = new ArrayList<>();
      if (!(entriesNode instanceof ScalarNode s && s.getValue().isEmpty())) {
        if (!(entriesNode instanceof SequenceNode seq)) {
          throw error(entriesNode, "'entries' must be a list of entries");
        }
        Map<LocalDate, Node> seen = new HashMap<>();
        for (Node item : seq.getValue()) {
          CalendarEntry entry = entry(item, year);
          Node first = seen.putIfAbsent(entry.date(), item);
          if (first != null) {
            throw error(
                item,
                entry.date()
                    + " is listed twice (first on line "
                    + line(first)
                    + "); list each date once");
          }
          entries.add(entry);
        }
      }
      entries.sort(Comparator.comparing(CalendarEntry::date));
      return new CalendarYear(year, entries, origin);
    }

    private CalendarEntry entry(Node node, int year) {
      MappingNode map = mapping(node, "an entry");
      Map<String, NodeTuple> fields = fields(map, ENTRY_KEYS, "an entry");
      Node dateNode = required(fields, "date", map).getValueNode();
      LocalDate date;
      try {
        date = LocalDate.parse(scalar(dateNode, "date"));
      } catch (DateTimeParseException e) {
        throw error(dateNode, "'date' must be a date written YYYY-MM-DD, got '" + text(dateNode) + "'");
      }
      if (date.getYear() != year) {
        throw error(dateNode, date + " is outside the file's year " + year);
      }
      Node kindNode = required(fields, "kind", map).getValueNode();
      DayKind kind;
      try {
        kind = DayKind.valueOf(scalar(kindNode, "kind"));
      } catch (IllegalArgumentException e) {
        throw error(
            kindNode, "unknown kind '" + text(kindNode) + "': use HOLIDAY or WORKING");
      }
      String name = nonBlank(required(fields, "name", map).getValueNode(), "name");
      String source = nonBlank(required(fields, "source", map).getValueNode(), "source");
      DayOfWeek dow = date.getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      if (kind == DayKind.WORKING && !weekend) {
        throw error(
            dateNode,
            date + " is a " + dow + ": only a Saturday or Sunday can be a WORKING entry");
      }
      return new CalendarEntry(date, kind, name, source);
    }

    private int yearField(NodeTuple tuple, Node parent) {
      if (tuple == null) {
        throw error(parent, "the field 'year' is missing");
      }
      Node node = tuple.getValueNode();
      try {
        return Integer.parseInt(scalar(node, "year"));
      } catch (NumberFormatException e) {
        throw error(node, "'year' must be a number, got '" + text(node) + "'");
      }
    }

    private MappingNode mapping(Node node, String what) {
      if (node instanceof MappingNode map) {
        return map;
      }
      throw error(node, what + " must be a mapping of fields (key: value)");
    }

    private Map<String, NodeTuple> fields(MappingNode map, Set<String> allowed, String what) {
      Map<String, NodeTuple> fields = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        String key = scalar(tuple.getKeyNode(), "a key");
        if (!allowed.contains(key)) {
          throw error(
              tuple.getKeyNode(), "unknown field '" + key + "' in " + what + "; allowed: " + allowed);
        }
        if (fields.put(key, tuple) != null) {
          throw error(tuple.getKeyNode(), "the field '" + key + "' is given twice");
        }
      }
      return fields;
    }

    private NodeTuple required(Map<String, NodeTuple> fields, String key, Node parent) {
      NodeTuple tuple = fields.get(key);
      if (tuple == null) {
        throw error(parent, "the field '" + key + "' is missing");
      }
      return tuple;
    }

    private String nonBlank(Node node, String field) {
      String value = scalar(node, field);
      if (value.isBlank()) {
        throw error(node, "'" + field + "' must not be empty");
      }
      return value.strip();
    }

    private String scalar(Node node, String field) {
      if (node instanceof ScalarNode s) {
        return s.getValue();
      }
      throw error(node, "'" + field + "' must be a single value");
    }

    private static String text(Node node) {
      return node instanceof ScalarNode s ? s.getValue() : node.getNodeId().toString();
    }

    private static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }

    private CalendarDataException error(Node node, String problem) {
      return new CalendarDataException(origin + ":" + line(node) + ": " + problem);
    }
  }
}
