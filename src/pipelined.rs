//! A three-stage pipeline of batches on a rayon pool: serial reading,
//! parallel work, serial consuming. Pass 1 (articles), pass 2 (the spool
//! read back) and the variant files' rendering all have that shape, and in
//! each the serial ends would otherwise leave the other cores idle: the
//! reader waits for the workers, then the workers wait for the writer.

/// Runs `read`, `map` and `consume` as a pipeline on `pool`: while `map`
/// works on batch k + 1 (its own parallel iterators spread it over the
/// pool), one worker hands batch k and its results to `consume` and reads
/// batch k + 2 with `read` (`None` at the end). Batches are consumed in the
/// order they were read; memory holds three. The serial ends run inside the
/// pool, so `--jobs N` means N busy threads, not N workers and a reader
/// competing for N cores. The first error of `read` or `consume` stops the
/// pipeline and is returned.
pub fn pipelined<B: Send + Sync, R: Send, E: Send>(
    pool: &rayon::ThreadPool,
    mut read: impl FnMut() -> Result<Option<B>, E> + Send,
    map: impl Fn(&B) -> R + Sync,
    mut consume: impl FnMut(B, R) -> Result<(), E> + Send,
) -> Result<(), E> {
    let mut current = read()?;
    let mut pending: Option<(B, R)> = None;
    while current.is_some() || pending.is_some() {
        let mut mapped = None;
        let mut following = Ok(None);
        let mut consumed = Ok(());
        pool.scope(|scope| {
            if let Some(batch) = &current {
                let (mapped, map) = (&mut mapped, &map);
                scope.spawn(move |_| *mapped = Some(map(batch)));
            }
            if let Some((batch, results)) = pending.take() {
                consumed = consume(batch, results);
            }
            if consumed.is_ok() && current.is_some() {
                following = read();
            }
        });
        consumed?;
        pending = current.take().zip(mapped);
        current = following?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    #[test]
    fn batches_are_consumed_in_the_order_they_were_read() {
        for threads in [1, 2, 4] {
            let mut next = 0;
            let mut seen = Vec::new();
            pipelined(
                &pool(threads),
                || -> Result<Option<Vec<u32>>, ()> {
                    next += 1;
                    Ok((next <= 50).then(|| vec![next; 3]))
                },
                |batch| batch.iter().map(|x| x * 10).collect::<Vec<_>>(),
                |batch, mapped| {
                    assert_eq!(mapped, batch.iter().map(|x| x * 10).collect::<Vec<_>>());
                    seen.push(batch[0]);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (1..=50).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_error_stops_reading_and_consuming() {
        let (mut read, mut consumed) = (0, 0);
        let result = pipelined(
            &pool(2),
            || {
                read += 1;
                Ok(Some(read))
            },
            |&batch| batch,
            |batch, _| {
                consumed += 1;
                if batch == 3 {
                    Err("bad batch 3")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("bad batch 3"));
        assert_eq!(consumed, 3);
        // Batch 4 was read while batch 3 was consumed; nothing after it.
        assert_eq!(read, 4);
    }

    #[test]
    fn a_read_error_stops_before_the_batches_read_after_it() {
        let (mut read, mut consumed) = (0, Vec::new());
        let result = pipelined(
            &pool(2),
            || {
                read += 1;
                if read == 3 {
                    Err("unreadable batch 3")
                } else {
                    Ok(Some(read))
                }
            },
            |&batch| batch,
            |batch, _| {
                consumed.push(batch);
                Ok(())
            },
        );
        assert_eq!(result, Err("unreadable batch 3"));
        // Batch 1 was consumed while batch 3 was read; batch 2, mapped,
        // never reaches the consumer.
        assert_eq!(consumed, [1]);
        assert_eq!(read, 3);
    }
}
