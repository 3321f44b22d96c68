package dev.newsmon.search.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subscriptions are taken and alerts delivered.
 *
 * @param deliveriesIndex the Elasticsearch index of the delivery log
 * @param maxBodyBytes the largest subscription body accepted
 * @param applyTimeout how long a create or delete waits until this replica has read its
 * own record back from the topic
 * @param redispatchAfter how old a pending delivery must be before it is dispatched again
 * (a replica stopped between logging and delivering it)
 * @param redispatchEvery how often pending deliveries are looked for
 * @param heartbeat how often an idle event stream gets a comment, so proxies keep it open
 * @param streamTimeout how long an event stream stays open before the client reconnects
 * @param feedSize how many deliveries the Atom feed shows
 */
@ConfigurationProperties("newsmon.search.alert")
public record AlertProperties(@DefaultValue("news-alert-deliveries") String deliveriesIndex,
		@DefaultValue("16384") int maxBodyBytes, @DefaultValue("5s") Duration applyTimeout,
		@DefaultValue("1m") Duration redispatchAfter, @DefaultValue("30s") Duration redispatchEvery,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("30m") Duration streamTimeout,
		@DefaultValue("50") int feedSize) {

}
