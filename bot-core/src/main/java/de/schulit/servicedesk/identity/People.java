package de.schulit.servicedesk.identity;

import de.schulit.servicedesk.channel.ChannelAddress;
import java.util.List;
import java.util.Optional;

/** Persons and the chat identities linked to them. */
public interface People {

    Optional<Person> findByAddress(ChannelAddress address);

    Optional<Person> find(long personId);

    Person create(String schoolId, String name, Role role, String language);

    void link(ChannelAddress address, long personId);

    List<ChannelAddress> addresses(long personId);

    void setLanguage(long personId, String language);
}
