package dev.newsmon.search.alert;

/**
 * Takes alerts to deliver: records each in the delivery log with create semantics and
 * dispatches it only when it was not there yet, so an alert is never sent twice.
 */
public interface AlertSink {

	/**
	 * Records and dispatches an alert unless its delivery id is already logged.
	 * @param alert the alert
	 * @return whether it was new (and so dispatched)
	 */
	boolean submit(Alert alert);

}
