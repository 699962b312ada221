package vn.gov.sct.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class StoppingNodeFilterTest {

  private final StoppingNodeFilter filter = new StoppingNodeFilter();

  private MockHttpServletResponse serve() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), response, chain);
    assertThat(chain.getRequest()).as("the request still reaches the application").isNotNull();
    return response;
  }

  @Test
  void aRunningNodeKeepsConnectionsAlive() throws Exception {
    assertThat(serve().getHeader("Connection")).isNull();
  }

  @Test
  void aStoppingNodeClosesTheConnectionOfEveryAnswer() throws Exception {
    GenericApplicationContext parent = new GenericApplicationContext();
    GenericApplicationContext child = new GenericApplicationContext(parent);
    filter.onApplicationEvent(new ContextClosedEvent(child));
    assertThat(serve().getHeader("Connection")).as("a child context's close is not the node's").isNull();

    filter.onApplicationEvent(new ContextClosedEvent(parent));
    assertThat(serve().getHeader("Connection")).isEqualTo("close");
  }
}
