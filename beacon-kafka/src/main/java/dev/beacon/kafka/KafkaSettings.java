package dev.beacon.kafka;

import dev.beacon.core.settings.BeaconSettings;
import dev.beacon.core.settings.SettingValues;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The sink's settings, read where the library reads its own (context parameters, MicroProfile Config,
 * system properties) and checked when the application starts, so that a wrong one fails the deployment
 * naming it, not every beacon.
 */
final class KafkaSettings {

    /** The start of every setting of the sink's. */
    static final String SINK = "beacon.kafka.";
    static final String BOOTSTRAP_SERVERS = "beacon.kafka.bootstrap-servers";
    static final String TOPIC = "beacon.kafka.topic";
    static final String TOPICS = "beacon.kafka.topics";
    static final String KEY = "beacon.kafka.key";
    static final String BUFFER_SIZE = "beacon.kafka.buffer-size";
    /** The prefix of the producer's own settings, passed through: {@code beacon.kafka.producer.linger.ms}. */
    static final String PRODUCER = "beacon.kafka.producer.";

    /** The sink's own settings, besides the producer's. */
    private static final Set<String> OWN = Set.of(BOOTSTRAP_SERVERS, TOPIC, TOPICS, KEY, BUFFER_SIZE);

    static final String DEFAULT_TOPIC = "beacons";
    /** Kafka's own default buffer. */
    static final long DEFAULT_BUFFER_SIZE = 32L * 1024 * 1024;

    /**
     * The producer settings the sink's guarantees rest on, and the value each must have. {@code acks=all} and
     * idempotence: a record acknowledged is on every in-sync replica, and a retry writes it once.
     */
    private static final Map<String, String> FIXED = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    /** Producer settings that the sink's own settings, or its design, decide. */
    private static final Map<String, String> OWNED = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
            ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_SIZE,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "the sink: keys are bytes",
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "the sink: a beacon's body is its bytes",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "the sink, which writes each beacon on its own");

    /** How long {@code send} may wait for room in the producer's buffer: it has room by then, having been reserved. */
    private static final String MAX_BLOCK_MS = "2000";
    private static final String ERROR_BUFFER_SIZE =
            "The '%s' setting must be a whole number of bytes of at least 1024, e.g. 33554432 for 32 MiB; got '%s'.";

    private final String bootstrapServers;
    private final String defaultTopic;
    private final Map<String, String> topicsByEndpoint;
    private final RecordKey key;
    private final long bufferSize;
    private final Map<String, String> producerSettings;

    private KafkaSettings(String bootstrapServers, String defaultTopic, Map<String, String> topicsByEndpoint, RecordKey key,
                          long bufferSize, Map<String, String> producerSettings) {
        this.bootstrapServers = bootstrapServers;
        this.defaultTopic = defaultTopic;
        this.topicsByEndpoint = topicsByEndpoint;
        this.key = key;
        this.bufferSize = bufferSize;
        this.producerSettings = producerSettings;
    }

    /**
     * @param settings the application's settings
     * @return the sink's settings
     * @throws IllegalArgumentException naming the setting, the value and what is allowed; or naming a setting under
     *         {@value #SINK} that neither the sink nor the producer knows, and the known one nearest to it
     */
    static KafkaSettings from(BeaconSettings settings) {
        settings.refuseUnknown(SINK, name -> OWN.contains(name) || name.startsWith(PRODUCER), OWN, "a setting of beacon-kafka");
        Set<String> producerNames = ProducerConfig.configNames();
        settings.refuseUnknown(PRODUCER, name -> producerNames.contains(name.substring(PRODUCER.length())),
                producerNames.stream().map(name -> PRODUCER + name).toList(), "a Kafka producer setting");
        String bootstrapServers = settings.value(BOOTSTRAP_SERVERS);
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(BOOTSTRAP_SERVERS + " is not set: beacon-kafka is in the application, and needs"
                    + " the brokers to write beacons to, e.g. " + BOOTSTRAP_SERVERS + "=kafka-1:9092,kafka-2:9092");
        }
        String defaultTopic = topicName(TOPIC, orDefault(settings.value(TOPIC), DEFAULT_TOPIC));
        Map<String, String> producer = new LinkedHashMap<>();
        for (String name : producerNames) {
            String value = settings.value(PRODUCER + name);
            if (value != null) {
                producer.put(name, allowed(name, value.trim()));
            }
        }
        long bufferSize = new SettingValues(settings::value).number(BUFFER_SIZE, DEFAULT_BUFFER_SIZE, 1024, Long.MAX_VALUE, ERROR_BUFFER_SIZE);
        return new KafkaSettings(bootstrapServers.trim(), defaultTopic, topicsByEndpoint(settings.value(TOPICS)),
                RecordKey.of(KEY, orDefault(settings.value(KEY), "none")), bufferSize, producer);
    }

    /**
     * @param endpoint an endpoint name, as clients send it
     * @return the topic its beacons are written to: its own, or the one for all others. Never made of the name
     *         itself: clients choose endpoint names, and would otherwise create topics
     */
    String topicOf(String endpoint) {
        return topicsByEndpoint.getOrDefault(endpoint, defaultTopic);
    }

    /**
     * @return the endpoints that have a topic of their own
     */
    Set<String> endpointsWithTopics() {
        return Set.copyOf(topicsByEndpoint.keySet());
    }

    /**
     * @return every topic beacons may be written to
     */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(topicsByEndpoint.values());
        topics.add(defaultTopic);
        return topics;
    }

    RecordKey key() {
        return key;
    }

    /**
     * @return how many bytes of records may await Kafka's acknowledgement: past it, beacons are refused
     */
    long bufferSize() {
        return bufferSize;
    }

    /**
     * @param clientId the producer's name in Kafka's logs and metrics, unless the application set its own
     * @return the producer's settings: the application's, then the sink's
     */
    Properties producerProperties(String clientId) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        properties.putAll(producerSettings);
        properties.putAll(FIXED);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Room for what the sink reserves, twice over: the producer allocates whole batches, partly filled.
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(Math.max(2 * bufferSize, 1024 * 1024)));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    private static String allowed(String name, String value) {
        String owner = OWNED.get(name);
        if (owner != null) {
            throw new IllegalArgumentException(PRODUCER + name + " cannot be set: it is decided by " + owner);
        }
        String fixed = FIXED.get(name);
        if (fixed != null && !fixed.equalsIgnoreCase(value) && !(name.equals(ProducerConfig.ACKS_CONFIG) && value.equals("-1"))) {
            throw new IllegalArgumentException(PRODUCER + name + "=" + value + " is not allowed: no beacon answered 204 may be"
                    + " lost or written twice by a retry, which needs " + name + "=" + fixed);
        }
        return value;
    }

    private static Map<String, String> topicsByEndpoint(String setting) {
        Map<String, String> topics = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return topics;
        }
        for (String pair : setting.split(",")) {
            int equals = pair.indexOf('=');
            String endpoint = equals < 0 ? "" : pair.substring(0, equals).trim();
            if (endpoint.isEmpty()) {
                throw new IllegalArgumentException(TOPICS + "=" + setting + ": '" + pair.trim()
                        + "' is not endpoint=topic, e.g. " + TOPICS + "=csp=csp-reports,vitals=web-vitals");
            }
            topics.put(endpoint, topicName(TOPICS, pair.substring(equals + 1).trim()));
        }
        return topics;
    }

    /** Kafka's own rule for topic names, so that a wrong one fails deployment, not every send. */
    private static String topicName(String setting, String topic) {
        if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(setting + ": '" + topic + "' is not a Kafka topic name"
                    + " (1 to 249 of a-z, A-Z, 0-9, '.', '_', '-')");
        }
        return topic;
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}
