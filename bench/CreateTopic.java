import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Run by bench/kafka.sh as a single source file, on the broker's class path: creates a topic of one partition and
 * waits until the broker has it. A sink never creates its topic, so the bench does, as an operator would.
 *
 *   java -cp "$(cat beacon-kafka/target/kafka-broker.classpath)" bench/CreateTopic.java 127.0.0.1:19092 beacons
 */
public class CreateTopic {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(args[1], 1, (short) 1))).all().get();
        }
    }
}
