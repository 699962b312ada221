package vn.gov.sct.onestop.outbox;

/** Where an outbox message goes; each channel has one {@link MessageSender}. */
public enum OutboxChannel {
  EMAIL,
  SMS,
  ZALO,
  /** The status sync to the provincial system and the National Public Service Portal. */
  PORTAL
}
