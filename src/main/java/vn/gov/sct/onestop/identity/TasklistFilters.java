package vn.gov.sct.onestop.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.catalog.Division;

/**
 * Tasklist filters (bộ lọc) for every division, sorted by due date, showing the dossier code and
 * procedure: "Hồ sơ của phòng tôi", "Sắp đến hạn", "Quá hạn" per division, "Chờ lãnh đạo phòng xử lý" per
 * division's leaders (a head, in both groups, sees each name once), "Việc của tôi" for everyone, "Tất cả hồ sơ đang xử lý" for the board and managers. Each filter carries
 * a key in its properties, so a restart updates it instead of adding another.
 */
@Component
public class TasklistFilters {

  static final String KEY = "onestopKey";

  public void ensure(ProcessEngine engine, Iterable<Division> divisions) {
    FilterService service = engine.getFilterService();
    Map<String, Filter> existing = new HashMap<>();
    for (Filter filter : service.createFilterQuery().list()) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY);
      if (key != null) {
        existing.put(key.toString(), filter);
      }
    }
    List<String> everyone = new ArrayList<>();
    int priority = 0;
    for (Division division : divisions) {
      String group = division.id();
      String lead = division.leadGroupId();
      everyone.add(group);
      everyone.add(lead);
      priority += 10;
      save(engine, existing, group + "/all", "Hồ sơ của phòng tôi",
          "Việc của " + division.name() + ", theo hạn xử lý", priority, List.of(group),
          q -> q.taskCandidateGroup(group).includeAssignedTasks());
      save(engine, existing, group + "/due-soon", "Sắp đến hạn",
          "Việc của " + division.name() + " đến hạn trong 2 ngày", priority + 1, List.of(group),
          q -> q.taskCandidateGroup(group).includeAssignedTasks().dueBeforeExpression("${dateTime().plusDays(2).toDate()}")
              .dueAfterExpression("${now()}"));
      save(engine, existing, group + "/overdue", "Quá hạn",
          "Việc của " + division.name() + " đã quá hạn xử lý", priority + 2, List.of(group),
          q -> q.taskCandidateGroup(group).includeAssignedTasks().dueBeforeExpression("${now()}"));
      // A head is in both groups: the lead group gets one filter of its own, under its own name, instead of a
      // second "Hồ sơ của phòng tôi" / "Sắp đến hạn" / "Quá hạn" (issue 20). The former lead/all filter is
      // changed in place (a Tasklist that had it selected keeps it), its two siblings are removed.
      save(engine, existing, lead + "/all", "Chờ lãnh đạo phòng xử lý",
          "Việc chờ " + division.leadGroupName() + " (phân công, duyệt), theo hạn xử lý", priority + 3,
          List.of(lead), q -> q.taskCandidateGroup(lead).includeAssignedTasks());
      for (String retired : List.of(lead + "/due-soon", lead + "/overdue")) {
        if (existing.containsKey(retired)) {
          service.deleteFilter(existing.remove(retired).getId());
        }
      }
    }
    everyone.add(StaffGroups.MANAGERS);
    save(engine, existing, "mine", "Việc của tôi", "Việc đã nhận, theo hạn xử lý", -10, everyone,
        q -> q.taskAssigneeExpression("${currentUser()}"));
    save(engine, existing, "overseers/all", "Tất cả hồ sơ đang xử lý", "Mọi việc đang mở của Sở, theo hạn xử lý",
        1000, List.of(StaffGroups.BOARD, StaffGroups.BOARD + "-lead", StaffGroups.MANAGERS), q -> q);
  }

  private void save(ProcessEngine engine, Map<String, Filter> existing, String key, String name,
      String description, int priority, List<String> readers, UnaryOperator<TaskQuery> query) {
    FilterService service = engine.getFilterService();
    Filter filter = existing.containsKey(key) ? existing.get(key) : service.newTaskFilter();
    TaskQuery taskQuery = query.apply(engine.getTaskService().createTaskQuery()).orderByDueDate().asc();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, key);
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "dossierCode", "label", "Mã hồ sơ"),
        Map.of("name", "procedureName", "label", "Thủ tục"),
        Map.of("name", "applicantName", "label", "Tổ chức, cá nhân")));
    filter.setName(name);
    filter.setQuery(taskQuery);
    filter.setProperties(properties);
    service.saveFilter(filter);
    for (String group : readers) {
      IdentitySetup.grant(engine.getAuthorizationService(), group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
