package de.schulit.servicedesk.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<AttachmentEntity, Long> {

    /** Links attachments that belong to no ticket yet (or already to this one). */
    @Modifying(flushAutomatically = true)
    @Query("""
            update AttachmentEntity a set a.ticketNumber = :number
            where a.id in :ids and (a.ticketNumber is null or a.ticketNumber = :number)""")
    int link(@Param("ids") Collection<Long> ids, @Param("number") String ticketNumber);

    /** The references of the tickets' attachments without their content, oldest first. */
    @Query("""
            select new de.schulit.servicedesk.persistence.AttachmentListing(a.ticketNumber, a.id, a.fileName, a.mimeType,
                a.size)
            from AttachmentEntity a where a.ticketNumber in :numbers order by a.id""")
    List<AttachmentListing> findListings(@Param("numbers") Collection<String> ticketNumbers);
}
