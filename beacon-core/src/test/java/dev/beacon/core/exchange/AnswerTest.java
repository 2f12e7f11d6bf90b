package dev.beacon.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void anAnswerWhoseSinksStoredTheBeaconAlreadyIsSettledAtOnceAndSentOnTheRequestsThread() {
        Answer stored = Answer.noContent(Map.of("Vary", "Origin"));

        Answer answer = Answer.unsettled(CompletableFuture.completedFuture(stored));

        assertTrue(answer.isSettled());
        assertSame(stored, answer);
    }

    @Test
    void anAnswerWhoseSinksAreStillStoringTheBeaconSettlesOnceTheyHave() {
        CompletableFuture<Answer> storing = new CompletableFuture<>();

        Answer answer = Answer.unsettled(storing);

        assertFalse(answer.isSettled());
        storing.complete(Answer.noContent(Map.of()));
        assertEquals(204, answer.awaitSettled().status());
    }
}
