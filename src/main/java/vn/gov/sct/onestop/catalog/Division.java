package vn.gov.sct.onestop.catalog;

/**
 * A unit of the department (phòng chuyên môn, Bộ phận Một cửa, Văn phòng Sở, Ban Giám đốc); a Camunda group
 * with the same id. Its leaders form the group {@link #leadGroupId()}.
 */
public record Division(String id, String name) {

  public String leadGroupId() {
    return id + "-lead";
  }

  public String leadGroupName() {
    return "Lãnh đạo " + name;
  }
}
