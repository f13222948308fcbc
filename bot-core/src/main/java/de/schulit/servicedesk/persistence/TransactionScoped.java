package de.schulit.servicedesk.persistence;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** State an adapter keeps for the length of the current transaction, such as the rows it has read or locked. */
final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * The owner's state in the current transaction, created on first use and dropped when the transaction ends;
     * outside a transaction a fresh value each call (nothing outlives a statement then).
     */
    @SuppressWarnings("unchecked")
    static <T> T get(Object owner, Supplier<T> fresh) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return fresh.get();
        }
        T state = (T) TransactionSynchronizationManager.getResource(owner);
        if (state == null) {
            T created = fresh.get();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // a transaction started inside this one (REQUIRES_NEW) must not see or change this one's state

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(owner);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(owner, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            state = created;
        }
        return state;
    }
}
